package org.tributary.node.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.tributary.node.audit.AuditSettings;
import java.time.Clock;
import org.tributary.node.NodeAssembly;
import org.tributary.node.config.ConfigLoader;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.StoreException;

/** Opens the node in a data directory for a command, with a clear message when another process has it. */
final class NodeCommands {
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
        try {
            return NodeAssembly.create(config, DerbyDataSources.onDisk(dataDir.resolve("db")), Clock.systemUTC(),
                    auditSettings(dataDir));
        } catch (StoreException e) {
            if (String.valueOf(e.getMessage()).contains("Another instance of Derby")
                    || String.valueOf(e.getCause() == null ? null : e.getCause().getMessage()).contains("XSDB6")) {
                throw new DataDirectoryLockedException("the node in " + dataDir + " is running; stop it first");
            }
            throw e;
        }
    }
}
