/**
 * The tributary command line: init, serve, user, peer and demo (picocli).
 */
package org.tributary.node.cli;
