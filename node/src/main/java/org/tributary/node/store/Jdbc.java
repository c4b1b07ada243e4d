package org.tributary.node.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Small helpers that bind parameters by their Java type and map rows, so repositories read as SQL
 * plus a row mapper. {@code null} binds as a VARCHAR null; use {@link #nullOf(int)} for other types.
 */
public final class Jdbc {
    /**
     * The lengths an IN list is padded to. Derby compiles each distinct statement text once and keeps it in
     * its statement cache, so a list of 17 and one of 18 values should not be two statements.
     */
    private static final int[] IN_LIST_SIZES = {1, 4, 16, 40, 100};
    /** The most values one statement carries; a longer list is read in several. */
    public static final int MAX_IN_LIST = IN_LIST_SIZES[IN_LIST_SIZES.length - 1];

    private Jdbc() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A typed SQL NULL parameter. */
    public record SqlNull(int sqlType) {
    }

    public static SqlNull nullOf(int sqlType) {
        return new SqlNull(sqlType);
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    public static <T> Optional<T> queryOne(Connection connection, String sql, RowMapper<T> mapper,
            Object... params) throws SQLException {
        List<T> rows = query(connection, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs {@code sql}, whose {@code %s} stands for the placeholders of an IN list ({@code "WHERE id IN (%s)"}),
     * for {@code values}: de-duplicated, cut into lists of at most {@value #MAX_IN_LIST} values, each padded to
     * one of a few lengths by repeating its last value (an IN list is a set, so no row is found twice). The
     * {@code leading} parameters bind before the list. Rows come list by list, each list in the statement's
     * order; no values, no query.
     */
    public static <T> List<T> queryIn(Connection connection, String sql, Collection<?> values, RowMapper<T> mapper,
            Object... leading) throws SQLException {
        List<T> result = new ArrayList<>();
        forEachInList(sql, values, leading, (statement, params) -> result.addAll(query(connection, statement, mapper,
                params)));
        return result;
    }

    /**
     * Runs the update {@code sql} for {@code values} as {@link #queryIn} runs a query: one statement per list of
     * at most {@value #MAX_IN_LIST} values instead of one per value. Returns how many rows were changed.
     */
    public static int updateIn(Connection connection, String sql, Collection<?> values, Object... leading)
            throws SQLException {
        int[] changed = {0};
        forEachInList(sql, values, leading, (statement, params) -> changed[0] += update(connection, statement,
                params));
        return changed[0];
    }

    /** One statement of {@link #forEachInList}: its text and its parameters. */
    @FunctionalInterface
    private interface InListStatement {
        void run(String sql, Object[] params) throws SQLException;
    }

    private static void forEachInList(String sql, Collection<?> values, Object[] leading, InListStatement run)
            throws SQLException {
        List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        for (int from = 0; from < distinct.size(); from += MAX_IN_LIST) {
            List<Object> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_IN_LIST));
            int size = paddedSize(chunk.size());
            Object[] params = new Object[leading.length + size];
            System.arraycopy(leading, 0, params, 0, leading.length);
            for (int i = 0; i < size; i++) {
                params[leading.length + i] = chunk.get(Math.min(i, chunk.size() - 1));
            }
            run.run(sql.replace("%s", placeholders(size)), params);
        }
    }

    private static int paddedSize(int count) {
        for (int size : IN_LIST_SIZES) {
            if (count <= size) {
                return size;
            }
        }
        throw new IllegalArgumentException("more than " + MAX_IN_LIST + " values in one list");
    }

    private static String placeholders(int count) {
        return "?" + ", ?".repeat(count - 1);
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    public static long count(Connection connection, String sql, Object... params) throws SQLException {
        return queryOne(connection, sql, row -> row.getLong(1), params).orElse(0L);
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
            } else if (value instanceof SqlNull typed) {
                statement.setNull(index, typed.sqlType());
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Double number) {
                statement.setDouble(index, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else if (value instanceof Instant instant) {
                statement.setTimestamp(index, Timestamp.from(instant));
            } else if (value instanceof URI uri) {
                statement.setString(index, uri.toString());
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (value instanceof Enum<?> constant) {
                statement.setString(index, constant.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
            }
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static URI uri(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : URI.create(value);
    }
}
