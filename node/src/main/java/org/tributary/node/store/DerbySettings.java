package org.tributary.node.store;

import java.util.Properties;

/**
 * The node's defaults for Derby's JVM-wide settings, applied before the store boots. An operator's own
 * {@code -Dderby...} option wins.
 *
 * <p>Page cache: Derby keeps 1,000 pages by default, and pages of tables with long rows (posts) are 32 KB:
 * about 30 MB of a 96 MB heap. Searching a million posts touches pages all over the posts table, so cached
 * pages were replaced all the time; each replaced page had lived long enough to reach the old generation,
 * and the node ran a full collection every second (60–150 ms each: benchmark 5's tail). Reads that miss
 * this cache are served from the operating system's file cache. Measured on the search benchmark's store at
 * 50 searches/s: 39 full collections and 7.4 s of GC in 30 s with 1,000 pages, 6 with 250, none and 0.5 s
 * with 128.
 */
public final class DerbySettings {
    static final String PAGE_CACHE_SIZE = "derby.storage.pageCacheSize";
    static final String DEFAULT_PAGE_CACHE_PAGES = "128";

    private DerbySettings() {
    }

    /** Adds the node's defaults to {@code system} (the JVM's system properties) where nothing is set. */
    public static void applyDefaults(Properties system) {
        system.putIfAbsent(PAGE_CACHE_SIZE, DEFAULT_PAGE_CACHE_PAGES);
    }
}
