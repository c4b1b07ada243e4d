/**
 * Reading timelines, and the one rule for who may read a post.
 */
package org.tributary.node.timeline;
