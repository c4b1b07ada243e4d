package org.tributary.node.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.tributary.node.NodeAssembly;
import org.tributary.node.audit.AuditSettings;
import org.tributary.node.config.ConfigLoader;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.DerbySettings;
import org.tributary.node.store.StoreException;

/** Opens the node in a data directory for a command, with a clear message when another process has it. */
final class NodeCommands {
    private static final String BOOTED_ELSEWHERE = "XSDB6";

    private NodeCommands() {
    }

    /** The {@code audit.*} keys of the node's properties file (defaults when it has none). */
    static AuditSettings auditSettings(Path dataDir) {
        Properties properties = new Properties();
        Path file = dataDir.resolve(NodeConfig.FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return AuditSettings.from(properties);
    }

    static NodeAssembly open(Path dataDir) {
        NodeConfig config = new ConfigLoader(System.getenv()).load(dataDir);
        System.setProperty("derby.stream.error.file", dataDir.resolve("derby.log").toAbsolutePath().toString());
        DerbySettings.applyDefaults(System.getProperties());
        try {
            return NodeAssembly.create(config, DerbyDataSources.onDisk(dataDir.resolve("db")), Clock.systemUTC(),
                    auditSettings(dataDir));
        } catch (StoreException e) {
            if (isBootedElsewhere(e)) {
                throw new DataDirectoryLockedException("the node in " + dataDir + " is running; stop it first");
            }
            throw e;
        }
    }

    /**
     * Derby refuses to boot a database another process has open with SQLState XSDB6, but reports it only
     * deep in the chain: the StoreException wraps XJ040 ("Failed to start database ... see the next
     * exception"), whose next exception or cause is XSDB6.
     */
    static boolean isBootedElsewhere(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sql) {
                if (BOOTED_ELSEWHERE.equals(sql.getSQLState())) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.push(sql.getNextException());
                }
            }
            if (current.getCause() != null) {
                pending.push(current.getCause());
            }
        }
        return false;
    }
}
