package org.tributary.node.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Builds embedded Derby data sources: on disk in the node's data directory, or in memory for tests. */
public final class DerbyDataSources {
    private DerbyDataSources() {
    }

    public static DataSource onDisk(Path directory) {
        return create(directory.toAbsolutePath().toString());
    }

    public static DataSource inMemory(String name) {
        return create("memory:" + name);
    }

    private static DataSource create(String databaseName) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(databaseName);
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    /** Shuts a database down cleanly, so its files are consistent when the process ends. */
    public static void shutdown(DataSource dataSource) {
        if (dataSource instanceof EmbeddedDataSource embedded) {
            EmbeddedDataSource stopper = new EmbeddedDataSource();
            stopper.setDatabaseName(embedded.getDatabaseName());
            stopper.setShutdownDatabase("shutdown");
            try {
                stopper.getConnection().close();
            } catch (java.sql.SQLException expected) {
                // Derby signals a successful shutdown with SQLState 08006.
            }
        }
    }
}
