package org.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sends pre-built requests with a fixed number in flight (a closed loop: a new request leaves as soon
 * as one answers), over HTTP/1.1 keep-alive connections, and records each answer's status and latency.
 * Bounded: it stops after the last request or at the time limit, whichever comes first.
 */
public final class LoadGenerator {
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** What a run did. {@code windowRates} are 2xx answers per second in consecutive 250 ms windows. */
    public record Result(int sent, int succeeded, Map<Integer, Integer> statuses, int failed, long elapsedNanos,
            Latencies latencies, double[] windowRates) {

        public double ratePerSecond() {
            return succeeded / (elapsedNanos / 1e9);
        }

        /** The median of the per-window rates, ignoring the last (partial) window. */
        public double medianWindowRate() {
            int usable = Math.max(1, windowRates.length - 1);
            double[] sorted = java.util.Arrays.copyOf(windowRates, usable);
            java.util.Arrays.sort(sorted);
            return windowRates.length < 3 ? ratePerSecond() : sorted[usable / 2];
        }
    }

    private final HttpClient client;
    private final int concurrency;

    public LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Result run(List<HttpRequest> requests, Duration timeLimit) {
        Semaphore inFlight = new Semaphore(concurrency);
        Latencies latencies = new Latencies();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        int windows = (int) (timeLimit.toNanos() / WINDOW_NANOS) + 2;
        AtomicLongArray perWindow = new AtomicLongArray(windows);
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        int sent = 0;
        try {
            for (HttpRequest request : requests) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                inFlight.acquire();
                sent++;
                long begun = System.nanoTime();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    long done = System.nanoTime();
                    latencies.recordNanos(done - begun);
                    if (error != null) {
                        failed.incrementAndGet();
                    } else {
                        statuses.computeIfAbsent(response.statusCode(), code -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() / 100 == 2) {
                            succeeded.incrementAndGet();
                            int window = (int) Math.min(windows - 1, (done - start) / WINDOW_NANOS);
                            perWindow.incrementAndGet(window);
                        }
                    }
                    inFlight.release();
                });
            }
            if (!inFlight.tryAcquire(concurrency, 60, TimeUnit.SECONDS)) {
                failed.addAndGet(concurrency - inFlight.availablePermits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long elapsed = System.nanoTime() - start;
        int usedWindows = (int) Math.min(windows, elapsed / WINDOW_NANOS + 1);
        double[] rates = new double[usedWindows];
        for (int i = 0; i < usedWindows; i++) {
            rates[i] = perWindow.get(i) * (1e9 / WINDOW_NANOS);
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((code, count) -> counted.put(code, count.get()));
        return new Result(sent, succeeded.get(), counted, failed.get(), elapsed, latencies, rates);
    }
}
