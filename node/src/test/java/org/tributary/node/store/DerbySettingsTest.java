package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class DerbySettingsTest {
    @Test
    void theNodeSetsASmallPageCacheWhenNothingIsConfigured() {
        Properties system = new Properties();
        DerbySettings.applyDefaults(system);
        assertEquals("500", system.getProperty("derby.storage.pageCacheSize"));
    }

    @Test
    void anOperatorsOwnSettingWins() {
        Properties system = new Properties();
        system.setProperty("derby.storage.pageCacheSize", "4000");
        DerbySettings.applyDefaults(system);
        assertEquals("4000", system.getProperty("derby.storage.pageCacheSize"));
    }

    @Test
    void aNewDatabaseHasOnePageSizeForEveryTableAndIndex() {
        javax.sql.DataSource source = DerbyDataSources.inMemory("page-size-" + java.util.UUID.randomUUID());
        try {
            Database database = new Database(source);
            new Migrations(database, java.time.Clock.systemUTC()).apply();

            java.util.List<Integer> sizes = database.inTransaction(connection -> Jdbc.query(connection,
                    "SELECT DISTINCT s.pagesize FROM sys.systables t, "
                            + "TABLE (SYSCS_DIAG.SPACE_TABLE('APP', t.tablename)) s WHERE t.tabletype = 'T'",
                    row -> row.getInt(1)));
            assertEquals(java.util.List.of(32768), sizes, "tables with short rows and indexes too");
        } finally {
            DerbyDataSources.shutdown(source);
        }
    }

    @Test
    void aDatabaseThatHasAPageSizeKeepsIt() {
        javax.sql.DataSource source = DerbyDataSources.inMemory("page-size-kept-" + java.util.UUID.randomUUID());
        try {
            Database database = new Database(source);
            database.inTransactionVoid(connection -> Jdbc.update(connection,
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '4096')"));

            database.inTransactionVoid(DerbySettings::applyDatabaseDefaults);

            assertEquals("4096", database.inTransaction(connection -> Jdbc.queryOne(connection,
                    "VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY('derby.storage.pageSize')",
                    row -> row.getString(1)).orElseThrow()));
        } finally {
            DerbyDataSources.shutdown(source);
        }
    }
}
