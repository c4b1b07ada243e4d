package org.tributary.bench;

import java.util.List;

/** One numbered benchmark of the list; produces one or more table rows. */
public interface Benchmark {
    int number();

    List<BenchRow> run(BenchContext context) throws Exception;
}
