package org.tributary.node.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.IdGenerator;
import org.tributary.node.store.Migrations;

class InboxGroupCommitTest {
    private final DataSource dataSource = DerbyDataSources.inMemory("group-commit-" + UUID.randomUUID());
    private final Database database = new Database(dataSource);
    private final InboxActivityStore store;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);

    InboxGroupCommitTest() {
        new Migrations(database, Clock.systemUTC()).apply();
        store = new InboxActivityStore(database, new IdGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        DerbyDataSources.shutdown(dataSource);
    }

    @Test
    void concurrentDistinctActivitiesAreAllStored() throws Exception {
        List<Boolean> results = concurrently(400, i -> activity("https://peer.example/activities/" + i));

        assertEquals(400, results.stream().filter(Boolean::booleanValue).count());
        assertEquals(400, store.countPending());
    }

    @Test
    void concurrentCopiesOfOneActivityAreStoredOnce() throws Exception {
        List<Boolean> results = concurrently(200, i -> activity("https://peer.example/activities/same"));

        assertEquals(1, results.stream().filter(Boolean::booleanValue).count());
        assertEquals(1, store.countPending());
        assertEquals(false, store.storeIfAbsent(activity("https://peer.example/activities/same"), Instant.now(),
                URI.create("https://peer.example/users/a#main-key")));
    }

    private List<Boolean> concurrently(int count, java.util.function.IntFunction<InboundActivity> activities)
            throws Exception {
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InboundActivity activity = activities.apply(i);
            Callable<Boolean> call = () -> store.storeIfAbsent(activity, Instant.now(),
                    URI.create("https://peer.example/users/a#main-key"));
            futures.add(threads.submit(call));
        }
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static InboundActivity activity(String id) {
        String json = "{\"id\":\"" + id + "\",\"type\":\"Create\",\"actor\":\"https://peer.example/users/a\"}";
        return new InboundActivity(URI.create(id), "Create", URI.create("https://peer.example/users/a"),
                Optional.empty(), Optional.empty(), Json.createObjectBuilder().add("id", id).build(),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
