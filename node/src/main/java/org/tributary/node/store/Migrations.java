package org.tributary.node.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the numbered SQL migrations listed in {@code db/migration/index.txt}, each once and in order,
 * recording what was applied in {@code schema_migrations}. A migration runs in one transaction.
 */
public final class Migrations {
    private static final String BASE = "db/migration/";

    private final Database database;
    private final Clock clock;

    public Migrations(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Applies every pending migration; returns the names applied now. */
    public List<String> apply() {
        database.inTransactionVoid(DerbySettings::applyDatabaseDefaults);
        database.inTransactionVoid(this::ensureHistoryTable);
        List<String> applied = new ArrayList<>();
        for (String name : listed()) {
            boolean ran = database.inTransaction(connection -> {
                if (isApplied(connection, name)) {
                    return false;
                }
                for (String statement : statementsOf(read(name))) {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute(statement);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)")) {
                    insert.setString(1, name);
                    insert.setTimestamp(2, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                }
                return true;
            });
            if (ran) {
                applied.add(name);
            }
        }
        return applied;
    }

    private void ensureHistoryTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "SCHEMA_MIGRATIONS", null)) {
            if (tables.next()) {
                return;
            }
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE schema_migrations (name VARCHAR(200) NOT NULL PRIMARY KEY, "
                    + "applied_at TIMESTAMP NOT NULL)");
        }
    }

    private static boolean isApplied(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM schema_migrations WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<String> listed() {
        return read("index.txt").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Splits a script on semicolons at line ends, dropping {@code --} comment lines. */
    static List<String> statementsOf(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            int comment = line.indexOf(" --");
            current.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            if (current.toString().strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
