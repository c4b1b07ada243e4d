/**
 * Full-text search with an embedded Apache Lucene index: the posts this node holds, the people it
 * knows, and hashtags. The index is a derived view, updated after each commit and rebuilt from the
 * store when it is missing; it is never trusted for who may read what: every hit is loaded from the
 * store again and passed through the visibility rule before anyone sees it.
 */
package org.tributary.node.search;
