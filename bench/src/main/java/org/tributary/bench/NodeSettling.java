package org.tributary.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Waits for a node to go quiet before it is measured: after a million posts are indexed at start, Lucene
 * goes on merging segments in the background for a while, and a measurement taken meanwhile shares the
 * cores (and the heap) with those merges. A node is quiet once it has used less than a tenth of a core for
 * three seconds in a row.
 */
final class NodeSettling {
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final int QUIET_STEPS = 3;
    private static final double QUIET_CORES = 0.1;

    private NodeSettling() {
    }

    /** Returns how long it took; gives up after {@code limit} and says so in the progress log. */
    static Duration awaitQuiet(NodeProcess node, Duration limit, BenchContext context) {
        long start = System.nanoTime();
        int quiet = 0;
        Duration before = node.cpuTime();
        while (quiet < QUIET_STEPS) {
            if (System.nanoTime() - start > limit.toNanos()) {
                context.progress("the node was still busy after " + limit.toSeconds() + " s; measuring anyway");
                break;
            }
            NodeProcess.sleep(STEP.toMillis());
            Duration now = node.cpuTime();
            double cores = (double) now.minus(before).toNanos() / STEP.toNanos();
            before = now;
            quiet = cores < QUIET_CORES ? quiet + 1 : 0;
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        context.progress(String.format(Locale.ROOT, "node quiet after %.1f s", waited.toMillis() / 1000.0));
        return waited;
    }
}
