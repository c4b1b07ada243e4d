package org.tributary.node.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * An in-memory Derby store that counts what is asked of it: connections opened, transactions (commits)
 * and statements prepared, with their SQL. It is an {@link EmbeddedDataSource}, so the node shuts it down and drops it
 * like any other test store.
 */
public final class CountingDataSource extends EmbeddedDataSource {
    private static final long serialVersionUID = 1L;

    private final transient AtomicInteger opened = new AtomicInteger();
    private final transient AtomicInteger commits = new AtomicInteger();
    private final transient List<String> statements = new CopyOnWriteArrayList<>();

    public CountingDataSource(String name) {
        setDatabaseName("memory:" + name + "-" + UUID.randomUUID());
        setCreateDatabase("create");
    }

    @Override
    public Connection getConnection() throws SQLException {
        opened.incrementAndGet();
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.add(args != null && args.length > 0 ? String.valueOf(args[0]) : "");
                    } else if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** How many connections were opened so far. */
    public int opened() {
        return opened.get();
    }

    /** What was done between two calls. */
    public record Counts(int transactions, List<String> statements) {
        public int queries() {
            return statements.size();
        }
    }

    /** Runs {@code action} and counts what it asked of the store (nothing else may use it meanwhile). */
    public Counts during(Runnable action) {
        int commitsBefore = commits.get();
        int statementsBefore = statements.size();
        action.run();
        return new Counts(commits.get() - commitsBefore,
                List.copyOf(statements.subList(statementsBefore, statements.size())));
    }
}
