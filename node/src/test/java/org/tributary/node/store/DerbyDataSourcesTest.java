package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DerbyDataSourcesTest {

    @Test
    void shuttingDownAnInMemoryStoreDropsIt() {
        String name = "drop-" + UUID.randomUUID();
        DataSource first = DerbyDataSources.inMemory(name);
        assertEquals(MigrationsTest.listedMigrations(), new Migrations(new Database(first), Clock.systemUTC()).apply());
        DerbyDataSources.shutdown(first);

        DataSource again = DerbyDataSources.inMemory(name);
        assertEquals(MigrationsTest.listedMigrations(), new Migrations(new Database(again), Clock.systemUTC()).apply(),
                "the same name opens an empty store again");
        DerbyDataSources.shutdown(again);
    }

    @Test
    void hashesAreLowerCaseSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashes.sha256Hex("abc"));
    }
}
