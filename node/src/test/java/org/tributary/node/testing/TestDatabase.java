package org.tributary.node.testing;

import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.Migrations;

/** A fresh, migrated in-memory Derby store per test; dropped again on close. */
public final class TestDatabase implements AutoCloseable {
    private final DataSource dataSource;
    private final Database database;

    private TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.database = new Database(dataSource);
    }

    /** An empty store, no migrations applied. */
    public static TestDatabase empty() {
        return new TestDatabase(DerbyDataSources.inMemory("unit-" + UUID.randomUUID()));
    }

    /** A store with every migration applied. */
    public static TestDatabase migrated(Clock clock) {
        TestDatabase store = empty();
        new Migrations(store.database, clock).apply();
        return store;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        DerbyDataSources.shutdown(dataSource);
    }
}
