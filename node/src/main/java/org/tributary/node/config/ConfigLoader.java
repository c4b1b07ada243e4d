package org.tributary.node.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads and writes the node's one configuration file; environment variables override its keys. */
public final class ConfigLoader {
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public NodeConfig load(Path dataDir) {
        Properties file = new Properties();
        Path path = dataDir.resolve(NodeConfig.FILE_NAME);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("no " + NodeConfig.FILE_NAME + " in " + dataDir.toAbsolutePath()
                    + "; run 'tributary init' first");
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + e.getMessage());
        }
        try {
            return new NodeConfig(URI.create(value(file, "base.url", null)), value(file, "bind.host", "127.0.0.1"),
                    Integer.parseInt(value(file, "port", "8080")), dataDir,
                    value(file, "department", "department"),
                    Integer.parseInt(value(file, "inbox.max-body-bytes", String.valueOf(1024 * 1024))),
                    Duration.parse(value(file, "signature.max-age", "PT1H")),
                    Duration.parse(value(file, "signature.max-future", "PT5M")));
        } catch (RuntimeException e) {
            throw new ConfigException("invalid configuration in " + path + ": " + e.getMessage());
        }
    }

    /** Writes a fresh configuration file; refuses to overwrite an existing one. */
    public static void write(Path dataDir, URI baseUrl, String bindHost, int port, String department) {
        Path path = dataDir.resolve(NodeConfig.FILE_NAME);
        if (Files.exists(path)) {
            throw new ConfigException(path + " already exists");
        }
        Properties file = new Properties();
        file.setProperty("base.url", baseUrl.toString());
        file.setProperty("bind.host", bindHost);
        file.setProperty("port", String.valueOf(port));
        file.setProperty("department", department);
        file.setProperty("inbox.max-body-bytes", String.valueOf(1024 * 1024));
        file.setProperty("signature.max-age", "PT1H");
        file.setProperty("signature.max-future", "PT5M");
        try {
            Files.createDirectories(dataDir);
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                file.store(out, "Tributary node configuration; TRIBUTARY_<KEY> environment variables override");
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write " + path + ": " + e.getMessage());
        }
    }

    private String value(Properties file, String key, String fallback) {
        String envName = "TRIBUTARY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        String fromEnv = environment.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        String fromFile = file.getProperty(key);
        if (fromFile != null && !fromFile.isBlank()) {
            return fromFile.strip();
        }
        if (fallback == null) {
            throw new ConfigException("missing required setting '" + key + "' (or " + envName + ")");
        }
        return fallback;
    }
}
