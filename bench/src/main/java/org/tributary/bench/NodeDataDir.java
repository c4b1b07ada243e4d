package org.tributary.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Role;
import org.tributary.node.config.ConfigLoader;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.store.DerbyDataSources;

/**
 * Prepares a node's data directory while the node is stopped, the way {@code tributary init},
 * {@code user add} and {@code peer add} do (same code: {@link NodeAssembly} over the on-disk Derby
 * store), but in this process, so twenty peers do not cost twenty JVM starts.
 */
public final class NodeDataDir {
    public static final String PASSWORD = "bench-password-1";

    private final Path directory;
    private final int port;

    private NodeDataDir(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Writes the configuration for a node on {@code http://127.0.0.1:<port>} and creates its store. */
    public static NodeDataDir init(Path directory, String department, int port) {
        ConfigLoader.write(directory, URI.create("http://127.0.0.1:" + port), "127.0.0.1", port, department);
        NodeDataDir data = new NodeDataDir(directory, port);
        data.open(node -> node.accounts().ensureInstanceActor());
        return data;
    }

    public Path directory() {
        return directory;
    }

    public int port() {
        return port;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public NodeDataDir addEmployee(String username) {
        open(node -> node.accounts().createEmployee(username, PASSWORD, null, Role.EMPLOYEE));
        return this;
    }

    public NodeDataDir allow(String authority) {
        open(node -> node.peers().add(authority, "benchmark peer"));
        return this;
    }

    /** Adds or replaces one key of the node's {@code tributary.properties}. */
    public NodeDataDir configure(String key, String value) {
        Path file = directory.resolve(NodeConfig.FILE_NAME);
        Properties properties = new Properties();
        try {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            properties.setProperty(key, value);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "written by the benchmark");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return this;
    }

    /** Runs {@code work} with the assembled (not started) node; the store is shut down afterwards. */
    public void open(Consumer<NodeAssembly> work) {
        NodeConfig config = new ConfigLoader(Map.of()).load(directory);
        System.setProperty("derby.stream.error.file", directory.resolve("derby-setup.log").toString());
        try (NodeAssembly node = NodeAssembly.create(config, dataSource(), Clock.systemUTC())) {
            work.accept(node);
        }
    }

    /** A data source over the node's store, for seeding with plain JDBC; shut it down with {@link #shutdown}. */
    public DataSource dataSource() {
        return DerbyDataSources.onDisk(directory.resolve("db"));
    }

    public static void shutdown(DataSource dataSource) {
        DerbyDataSources.shutdown(dataSource);
    }
}
