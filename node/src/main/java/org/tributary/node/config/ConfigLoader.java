package org.tributary.node.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
            return new NodeConfig(baseUrl(file), value(file, "bind.host", "127.0.0.1"),
                    number(file, "port", "8080", 1, 65535), dataDir,
                    value(file, "department", "department"),
                    number(file, "inbox.max-body-bytes", String.valueOf(1024 * 1024), 1, Integer.MAX_VALUE),
                    duration(file, "signature.max-age", "PT1H"),
                    duration(file, "signature.max-future", "PT5M"),
                    searchIndex(value(file, "search.index", ""), dataDir));
        } catch (ConfigException e) {
            throw new ConfigException("invalid configuration in " + path + ": " + e.getMessage());
        }
    }

    /** {@code memory}, a path (relative to the data directory), or blank for {@code <data>/index}. */
    private static Optional<Path> searchIndex(String value, Path dataDir) {
        if (value.isBlank()) {
            return Optional.of(dataDir.resolve(NodeConfig.INDEX_DIR));
        }
        return value.strip().equalsIgnoreCase("memory") ? Optional.empty() : Optional.of(dataDir.resolve(value.strip()));
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

    /** The base URL must be absolute http(s) with a host: actor ids and signatures are built on it. */
    private URI baseUrl(Properties file) {
        String text = value(file, "base.url", null);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the setting's name
        }
        throw invalid("base.url", text, "an absolute http(s) URL such as https://finance.example.com");
    }

    private int number(Properties file, String key, String fallback, int min, int max) {
        String text = value(file, key, fallback);
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw invalid(key, text, "a whole number from " + min + " to " + max);
    }

    private Duration duration(Properties file, String key, String fallback) {
        String text = value(file, key, fallback);
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the setting's name
        }
        throw invalid(key, text, "an ISO-8601 duration such as PT1H or PT5M");
    }

    private static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("'" + key + "' (or " + envName(key) + ") is '" + value + "'; expected " + expected);
    }

    private static String envName(String key) {
        return "TRIBUTARY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private String value(Properties file, String key, String fallback) {
        String envName = envName(key);
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
