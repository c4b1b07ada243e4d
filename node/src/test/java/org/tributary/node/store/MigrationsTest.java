package org.tributary.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestDatabase;

class MigrationsTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void appliesEveryListedMigrationOnceAndRecordsIt() {
        try (TestDatabase store = TestDatabase.empty()) {
            Migrations migrations = new Migrations(store.database(), clock);

            List<String> listed = listedMigrations();
            assertEquals("V001__foundation.sql", listed.get(0));
            assertEquals(listed, migrations.apply());
            assertEquals(List.of(), migrations.apply(), "a second run has nothing left to apply");
            assertEquals(List.of(), new Migrations(store.database(), clock).apply(), "nor does a fresh instance");

            List<String> history = store.database().inTransaction(connection -> Jdbc.query(connection,
                    "SELECT name, applied_at FROM schema_migrations ORDER BY name", row -> row.getString(1) + "@"
                            + Jdbc.instant(row, "applied_at")));
            assertEquals(listed.stream().sorted().map(name -> name + "@" + NOW).toList(), history);
        }
    }

    @Test
    void createsTheFoundationTables() {
        try (TestDatabase store = TestDatabase.migrated(clock)) {
            Set<String> tables = store.database().inTransaction(connection -> {
                Set<String> names = new TreeSet<>();
                try (ResultSet rows = connection.getMetaData().getTables(null, "APP", "%", new String[] {"TABLE"})) {
                    while (rows.next()) {
                        names.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return names;
            });
            assertTrue(tables.containsAll(Set.of("accounts", "credentials", "actor_keys", "access_tokens", "peers",
                    "follows", "statuses", "inbox_activities", "deliveries", "schema_migrations")), tables::toString);
        }
    }

    @Test
    void splitsStatementsOnSemicolonsAtLineEnds() {
        String script = """
                -- a comment line
                CREATE TABLE a (
                    id INT NOT NULL, -- trailing comment
                    note VARCHAR(10) DEFAULT 'x;y'
                );

                CREATE INDEX a_id ON a (id);
                INSERT INTO a (id) VALUES (1)""";

        assertEquals(List.of(
                "CREATE TABLE a (\n    id INT NOT NULL,\n    note VARCHAR(10) DEFAULT 'x;y'\n)",
                "CREATE INDEX a_id ON a (id)",
                "INSERT INTO a (id) VALUES (1)"), Migrations.statementsOf(script));
    }

    @Test
    void splitsScriptsWithWindowsLineEnds() {
        assertEquals(List.of("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)"),
                Migrations.statementsOf("CREATE TABLE a (id INT);\r\n-- note\r\nCREATE TABLE b (id INT);\r\n"));
    }

    @Test
    void anEmptyOrCommentOnlyScriptHasNoStatements() {
        assertEquals(List.of(), Migrations.statementsOf(""));
        assertEquals(List.of(), Migrations.statementsOf("-- nothing here\n\n   -- still nothing\n"));
    }

    /** The migrations the node ships, in order, as listed in its index. */
    static List<String> listedMigrations() {
        try (java.io.InputStream in = MigrationsTest.class.getClassLoader()
                .getResourceAsStream("db/migration/index.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
