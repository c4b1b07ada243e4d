package org.tributary.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sends pre-built requests with a fixed number in flight (a closed loop: a connection sends its next request
 * as soon as the last one is answered), over that many HTTP/1.1 keep-alive connections, and records each
 * answer's status and latency. Bounded: it stops after the last request or at the time limit, whichever
 * comes first.
 *
 * <p>Why its own client: the benchmarks run on the same few cores as the nodes they measure, so whatever the
 * sender spends is taken from the node. The JDK's HTTP client spent ~0.4–0.5 ms of CPU per request here (its
 * asynchronous stages and selector hand-offs); this one writes bytes prepared in advance and reads the answer
 * on a blocking socket, one thread per connection, as load tools such as wrk do.
 */
public final class LoadGenerator {
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    /** What a run did. {@code windowRates} are 2xx answers per second in consecutive 250 ms windows. */
    public record Result(int sent, int succeeded, Map<Integer, Integer> statuses, int failed, long elapsedNanos,
            Latencies latencies, double[] windowRates) {

        public double ratePerSecond() {
            return succeeded / (elapsedNanos / 1e9);
        }

        /** The median of the per-window rates, ignoring the last (partial) window. */
        public double medianWindowRate() {
            int usable = Math.max(1, windowRates.length - 1);
            double[] sorted = Arrays.copyOf(windowRates, usable);
            Arrays.sort(sorted);
            return windowRates.length < 3 ? ratePerSecond() : sorted[usable / 2];
        }
    }

    private final int concurrency;

    public LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
    }

    public Result run(List<WireRequest> requests, Duration timeLimit) {
        Run run = new Run(requests, timeLimit);
        List<Thread> connections = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            connections.add(new Thread(run::sendOverOneConnection, "load-connection-" + i));
        }
        connections.forEach(Thread::start);
        for (Thread connection : connections) {
            try {
                connection.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return run.result();
    }

    /** The shared state of one run; each connection's thread takes the next request from it. */
    private static final class Run {
        private final List<WireRequest> requests;
        private final long start = System.nanoTime();
        private final long deadline;
        private final int windows;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger succeeded = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final Latencies latencies = new Latencies();
        private final AtomicLongArray perWindow;

        Run(List<WireRequest> requests, Duration timeLimit) {
            this.requests = requests;
            this.deadline = start + timeLimit.toNanos();
            this.windows = (int) (timeLimit.toNanos() / WINDOW_NANOS) + 2;
            this.perWindow = new AtomicLongArray(windows);
        }

        void sendOverOneConnection() {
            Connection connection = null;
            try {
                while (System.nanoTime() <= deadline) {
                    int index = next.getAndIncrement();
                    if (index >= requests.size()) {
                        return;
                    }
                    WireRequest request = requests.get(index);
                    sent.incrementAndGet();
                    long begun = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = Connection.open(request.target());
                        }
                        ResponseReader.Response response = connection.exchange(request.bytes());
                        record(begun, response.status());
                        if (response.closes()) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        latencies.recordNanos(System.nanoTime() - begun);
                        failed.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }

        private void record(long begun, int status) {
            long done = System.nanoTime();
            latencies.recordNanos(done - begun);
            statuses.computeIfAbsent(status, code -> new AtomicInteger()).incrementAndGet();
            if (status / 100 == 2) {
                succeeded.incrementAndGet();
                perWindow.incrementAndGet((int) Math.min(windows - 1, (done - start) / WINDOW_NANOS));
            }
        }

        Result result() {
            long elapsed = System.nanoTime() - start;
            int usedWindows = (int) Math.min(windows, elapsed / WINDOW_NANOS + 1);
            double[] rates = new double[usedWindows];
            for (int i = 0; i < usedWindows; i++) {
                rates[i] = perWindow.get(i) * (1e9 / WINDOW_NANOS);
            }
            Map<Integer, Integer> counted = new TreeMap<>();
            statuses.forEach((code, count) -> counted.put(code, count.get()));
            return new Result(sent.get(), succeeded.get(), counted, failed.get(), elapsed, latencies, rates);
        }
    }

    /** One keep-alive connection: a request written whole, its answer read whole. */
    private static final class Connection {
        private final Socket socket;
        private final ResponseReader reader;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.reader = new ResponseReader(socket.getInputStream());
        }

        static Connection open(InetSocketAddress target) throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                socket.connect(target, CONNECT_TIMEOUT_MILLIS);
                return new Connection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        ResponseReader.Response exchange(byte[] request) throws IOException {
            socket.getOutputStream().write(request);
            return reader.read();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we are done with: nothing to recover
            }
        }
    }
}
