/**
 * Full-text search with an embedded Apache Lucene index: the posts this node holds, the people it
 * knows, and hashtags. The index is a derived view, fed from a queue by the indexer's own thread after
 * each commit, committed in batches and caught up with the store at start (built when missing, re-read
 * from its last commit's watermark otherwise); it is never trusted for who may read what: every hit is
 * loaded from the store again and passed through the visibility rule before anyone sees it.
 */
package org.tributary.node.search;
