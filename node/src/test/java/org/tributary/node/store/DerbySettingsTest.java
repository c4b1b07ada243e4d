package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestDatabase;

class DerbySettingsTest {
    @Test
    void theNodeSetsASmallPageCacheAndRareStalePlanChecksWhenNothingIsConfigured() {
        Properties system = new Properties();
        DerbySettings.applyDefaults(system);
        assertEquals("500", system.getProperty("derby.storage.pageCacheSize"));
        assertEquals("10000", system.getProperty("derby.language.stalePlanCheckInterval"));
    }

    @Test
    void anOperatorsOwnSettingWins() {
        Properties system = new Properties();
        system.setProperty("derby.storage.pageCacheSize", "4000");
        system.setProperty("derby.language.stalePlanCheckInterval", "100");
        DerbySettings.applyDefaults(system);
        assertEquals("4000", system.getProperty("derby.storage.pageCacheSize"));
        assertEquals("100", system.getProperty("derby.language.stalePlanCheckInterval"));
    }

    @Test
    void aNewDatabaseHasOnePageSizeForEveryTableAndIndex() {
        try (TestDatabase store = TestDatabase.migrated(java.time.Clock.systemUTC())) {
            java.util.List<Integer> sizes = store.database().inTransaction(connection -> Jdbc.query(connection,
                    "SELECT DISTINCT s.pagesize FROM sys.systables t, "
                            + "TABLE (SYSCS_DIAG.SPACE_TABLE('APP', t.tablename)) s WHERE t.tabletype = 'T'",
                    row -> row.getInt(1)));
            assertEquals(java.util.List.of(32768), sizes, "tables with short rows and indexes too");
        }
    }

    @Test
    void aDatabaseThatHasAPageSizeKeepsIt() {
        try (TestDatabase store = TestDatabase.empty()) {
            Database database = store.database();
            database.inTransactionVoid(connection -> Jdbc.update(connection,
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '4096')"));

            database.inTransactionVoid(DerbySettings::applyDatabaseDefaults);

            assertEquals("4096", database.inTransaction(connection -> Jdbc.queryOne(connection,
                    "VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY('derby.storage.pageSize')",
                    row -> row.getString(1)).orElseThrow()));
        }
    }
}
