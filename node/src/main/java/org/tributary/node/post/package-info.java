/**
 * Posts: the domain record, its store, visibility levels, formatting and sanitizing of HTML, paging.
 */
package org.tributary.node.post;
