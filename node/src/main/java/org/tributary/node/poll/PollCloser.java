package org.tributary.node.poll;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Closes polls at their end time: runs {@link PollService#closeDue()} every {@code period} on its own thread. */
public final class PollCloser implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PollCloser.class.getName());

    private final PollService polls;
    private final Duration period;
    private ScheduledExecutorService scheduler;

    public PollCloser(PollService polls, Duration period) {
        this.polls = polls;
        this.period = period;
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tributary-poll-closer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::closeDue, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closeDue() {
        try {
            polls.closeDue();
        } catch (RuntimeException e) {
            // A failed round (e.g. the database shutting down) must not end the schedule.
            LOG.log(Level.WARNING, "closing due polls failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
