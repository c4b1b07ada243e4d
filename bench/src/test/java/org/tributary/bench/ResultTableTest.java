package org.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void rendersRowsNotesAndMachine() {
        List<BenchRow> rows = List.of(
                BenchRow.measured("4", "home timeline", "p99 ≤ 20 ms", 3.25, OptionalDouble.of(12.5), "ms",
                        BenchRow.atMost(12.5, 20), "6000 requests"),
                BenchRow.notAvailable("5", "search", "p99 ≤ 50 ms", "not available: search is not built yet"));
        String table = ResultTable.render(rows, new Machine(2, "Test CPU", "4.0 GiB", "JDK 17", "Linux"), false);

        assertTrue(table.contains("| 4 | home timeline | p99 ≤ 20 ms | 3.3 ms | 12.5 ms | pass |"), table);
        assertTrue(table.contains("| 5 | search | p99 ≤ 50 ms | — | — | n/a |"), table);
        assertTrue(table.contains("- 5: not available: search is not built yet"), table);
        assertTrue(table.contains("Machine: 2 cores (Test CPU), 4.0 GiB RAM, JDK 17, Linux"), table);
    }

    @Test
    void verdictsCompareAgainstTheTarget() {
        assertEquals(BenchRow.Verdict.PASS, BenchRow.atLeast(5_001, 5_000));
        assertEquals(BenchRow.Verdict.MISS, BenchRow.atLeast(4_999, 5_000));
        assertEquals(BenchRow.Verdict.MISS, BenchRow.atMost(Double.NaN, 20));
        assertEquals(BenchRow.Verdict.PASS, BenchRow.atMost(20, 20));
    }

    @Test
    void latenciesReportPercentilesInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.recordNanos(i * 1_000_000L);
        }
        assertEquals(50, latencies.medianMillis(), 0.1);
        assertEquals(99, latencies.p99Millis(), 0.1);
        assertEquals(100, latencies.count());
    }
}
