package org.tributary.node.store;

import java.util.Properties;

/**
 * The node's defaults for Derby's JVM-wide settings, applied before the store boots. An operator's own
 * {@code -Dderby...} option wins.
 *
 * <p>Page cache: Derby keeps 1,000 pages by default, and pages of tables with long rows (posts) are 32 KB:
 * about 30 MB of a 96 MB heap. Searching a million posts touches pages all over the posts table, so cached
 * pages were replaced all the time; each replaced page had lived long enough to reach the old generation,
 * and the node ran a full collection every second (60–150 ms each: benchmark 5's tail). Measured on the
 * search benchmark's store at 50 searches/s, full collections in 30 s: 39 with 1,000 pages (7.4 s of GC),
 * 18 with 500 (1.7 s), 6 with 250, none with 128. But a small cache costs writes: evicting a changed page
 * first forces the log to disk up to that page's change, and with 128 pages two nodes exchanging 50 posts
 * a second fell behind for good (benchmark 2: 428 of 1,000 posts arrived), while 500 kept p50 at 24 ms.
 * 500 is the compromise; reads that miss the cache come from the operating system's file cache.
 */
public final class DerbySettings {
    static final String PAGE_CACHE_SIZE = "derby.storage.pageCacheSize";
    static final String DEFAULT_PAGE_CACHE_PAGES = "500";

    private DerbySettings() {
    }

    /** Adds the node's defaults to {@code system} (the JVM's system properties) where nothing is set. */
    public static void applyDefaults(Properties system) {
        system.putIfAbsent(PAGE_CACHE_SIZE, DEFAULT_PAGE_CACHE_PAGES);
    }
}
