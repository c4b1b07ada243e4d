/**
 * The node's configuration file, its environment overrides, and every URI the node mints.
 */
package org.tributary.node.config;
