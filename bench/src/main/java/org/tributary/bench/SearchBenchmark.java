package org.tributary.bench;

import java.util.List;

/** Benchmark 5: search over 1,000,000 posts. The node has no search yet, so there is nothing to measure. */
public final class SearchBenchmark implements Benchmark {
    @Override
    public int number() {
        return 5;
    }

    @Override
    public List<BenchRow> run(BenchContext context) {
        return List.of(BenchRow.notAvailable("5", "search, 1,000,000 posts", "p99 ≤ 50 ms",
                "not available: search is not built yet"));
    }
}
