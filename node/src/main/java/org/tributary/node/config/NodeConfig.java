package org.tributary.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a node is configured with. Read from {@code tributary.properties} in the data directory,
 * each key overridable by an environment variable ({@code base.url} by {@code TRIBUTARY_BASE_URL}).
 *
 * @param baseUrl      the URL peers and employees reach the node at; actor ids live under it
 * @param bindHost     the address the HTTP server listens on
 * @param port         the port it listens on
 * @param dataDir      where the Derby store and the config file live
 * @param department   the department's short name, e.g. {@code finance}
 * @param maxBodyBytes the largest inbox body accepted
 * @param signatureMaxAge    how old a signature's Date/created may be
 * @param signatureMaxFuture how far ahead of our clock a Date/created may be
 * @param searchIndexDir     where the search index lives; empty keeps it in memory (rebuilt at each start)
 */
public record NodeConfig(URI baseUrl, String bindHost, int port, Path dataDir, String department, int maxBodyBytes,
        Duration signatureMaxAge, Duration signatureMaxFuture, Optional<Path> searchIndexDir) {

    public static final String FILE_NAME = "tributary.properties";
    /** The search index's directory under the data directory, unless configured otherwise. */
    public static final String INDEX_DIR = "index";

    /** A configuration with the search index in {@code <dataDir>/index}. */
    public NodeConfig(URI baseUrl, String bindHost, int port, Path dataDir, String department, int maxBodyBytes,
            Duration signatureMaxAge, Duration signatureMaxFuture) {
        this(baseUrl, bindHost, port, dataDir, department, maxBodyBytes, signatureMaxAge, signatureMaxFuture,
                Optional.of(dataDir.resolve(INDEX_DIR)));
    }

    /** The same configuration with the search index kept in memory (tests). */
    public NodeConfig withSearchIndexInMemory() {
        return new NodeConfig(baseUrl, bindHost, port, dataDir, department, maxBodyBytes, signatureMaxAge,
                signatureMaxFuture, Optional.empty());
    }

    /** The authority ({@code host:port}) of this node, as peers name it. */
    public String authority() {
        return baseUrl.getPort() == -1 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    /** A URI under the node's base URL. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }
}
