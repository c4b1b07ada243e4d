package org.tributary.node.testing;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Derby's description of how it ran a query (its runtime statistics), for tests that pin a hot query to
 * an index: a plan that sorts or scans the whole table fails them long before a benchmark notices.
 */
public final class QueryPlans {
    private QueryPlans() {
    }

    /** Runs {@code sql} with {@code parameters}, reads every row, and returns the plan text. */
    public static String of(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        return run(dataSource, sql, parameters, true);
    }

    /** Runs the update {@code sql} with {@code parameters} (its changes are committed) and returns the plan text. */
    public static String ofUpdate(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        return run(dataSource, sql, parameters, false);
    }

    private static String run(DataSource dataSource, String sql, Object[] parameters, boolean query)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (CallableStatement on = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)")) {
                on.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                if (!query) {
                    statement.executeUpdate();
                } else {
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getObject(1);
                        }
                    }
                }
            }
            try (PreparedStatement plan = connection.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()");
                    ResultSet text = plan.executeQuery()) {
                text.next();
                return text.getString(1);
            }
        }
    }
}
