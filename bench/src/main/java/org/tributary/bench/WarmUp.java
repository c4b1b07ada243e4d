package org.tributary.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A server's warm-up in benchmark 1: the first {@code minimum} requests of a pre-signed pool, then, for a node whose
 * optimizing compiler can be watched, rounds of more ({@value #ROUND} in benchmark 1) until a round in which the
 * compiler took less than {@value #QUIET_CORES} of a core, or the pool runs out. A node measured while its compiler
 * still compiles measures the warm-up (half a core went to the compiler 20 s into the load); a node in service runs
 * for days.
 *
 * @param sent           how many were sent
 * @param lastRoundCores how much of a core the compiler took in the last round, where known
 * @param quiet          whether the compiler went quiet before the pool ran out (false also where not watched)
 */
record WarmUp(int sent, OptionalDouble lastRoundCores, boolean quiet) {
    static final int ROUND = 10_000;
    static final double QUIET_CORES = 0.1;

    /** With rounds of {@value #ROUND}. */
    static WarmUp run(LoadGenerator load, List<WireRequest> pool, int minimum, Duration limit,
            Optional<OptimizingCompiler> compiler) {
        return run(load, pool, minimum, ROUND, limit, compiler);
    }

    static WarmUp run(LoadGenerator load, List<WireRequest> pool, int minimum, int roundSize, Duration limit,
            Optional<OptimizingCompiler> compiler) {
        int sent = 0;
        while (true) {
            int end = sent == 0 ? Math.min(minimum, pool.size()) : Math.min(sent + roundSize, pool.size());
            List<WireRequest> round = pool.subList(sent, end);
            OptimizingCompiler.Measured<LoadGenerator.Result> result = OptimizingCompiler.measure(compiler,
                    () -> load.run(round, limit));
            sent = end;
            OptionalDouble cores = result.compilerCores();
            boolean quiet = cores.isPresent() && cores.getAsDouble() < QUIET_CORES;
            if (quiet || cores.isEmpty() || sent >= pool.size()) {
                return new WarmUp(sent, cores, quiet);
            }
        }
    }

    String describe() {
        if (lastRoundCores.isEmpty()) {
            return String.format(Locale.ROOT, "warmed up on %d activities", sent);
        }
        return String.format(Locale.ROOT, "warmed up on %d activities, %s (%.0f %% of a core in the last round)",
                sent, quiet ? "until the optimizing compiler was quiet" : "and the optimizing compiler was still busy",
                100 * lastRoundCores.getAsDouble());
    }
}
