package org.tributary.node.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
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
 *
 * <p>Page size: Derby picks 4 KB pages for a table or index unless its rows may be long (a CLOB or BLOB
 * column: posts, the inbox, the compliance log), which get 32 KB. The page cache reuses a slot's buffer only
 * for a page of the same size, so a cache serving both sizes allocated a new buffer on most misses, and
 * those buffers, cached for a while, reached the old generation before they were dropped: that was most of
 * the full collections above. Every table and index of a new database now has 32 KB pages (a database
 * property, kept in the database, so the tables a later version creates get it too). Benchmark 5 at 500
 * pages: p99 71.4 ms with both sizes, 13.1 ms with one. In a database created before, the tables it has keep
 * their page sizes and the ones created from now on get 32 KB. An operator's {@code -Dderby.storage.pageSize}
 * wins while it is given.
 *
 * <p>Stale plans: every {@code derby.language.stalePlanCheckInterval} executions (100 by default) Derby compares
 * the row counts of a statement's tables with those it was compiled for, and compiles it again once they moved by
 * more than a tenth. A table that doubles is then compiled for some seven times over in every statement that
 * reads or writes it, whatever the plan: the log's entry {@code INSERT} and the processor's read were compiled
 * again and again under benchmark 1, where the log grows by thousands of entries a second (~3 % of the node's
 * CPU in Derby's compiler). The node checks every 10,000 executions: a statement run a thousand times a second
 * is still checked every ten seconds, and the queries whose plan matters most name their index.
 */
public final class DerbySettings {
    static final String PAGE_CACHE_SIZE = "derby.storage.pageCacheSize";
    static final String DEFAULT_PAGE_CACHE_PAGES = "500";
    static final String PAGE_SIZE = "derby.storage.pageSize";
    static final String DEFAULT_PAGE_SIZE = "32768";
    static final String STALE_PLAN_CHECK_INTERVAL = "derby.language.stalePlanCheckInterval";
    static final String DEFAULT_STALE_PLAN_CHECK_INTERVAL = "10000";

    private DerbySettings() {
    }

    /** Adds the node's defaults to {@code system} (the JVM's system properties) where nothing is set. */
    public static void applyDefaults(Properties system) {
        system.putIfAbsent(PAGE_CACHE_SIZE, DEFAULT_PAGE_CACHE_PAGES);
        system.putIfAbsent(STALE_PLAN_CHECK_INTERVAL, DEFAULT_STALE_PLAN_CHECK_INTERVAL);
    }

    /**
     * Gives the database one page size for the tables and indexes created from now on, unless it has one
     * (or the operator's {@code -Dderby.storage.pageSize}, which Derby lets win). Run before the schema's
     * migrations, so that a new database has no page of another size.
     */
    public static void applyDatabaseDefaults(Connection connection) throws SQLException {
        try (CallableStatement get = connection.prepareCall("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            get.setString(1, PAGE_SIZE);
            try (var result = get.executeQuery()) {
                if (result.next() && result.getString(1) != null) {
                    return;
                }
            }
        }
        try (CallableStatement set = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
            set.setString(1, PAGE_SIZE);
            set.setString(2, DEFAULT_PAGE_SIZE);
            set.execute();
        }
    }
}
