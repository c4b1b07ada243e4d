package org.tributary.node.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.media.MediaLimits;
import org.tributary.node.store.DerbyDataSources;

/**
 * A real node for tests: Jetty on a free loopback port, a real in-memory Derby store, real keys.
 * Employees get the password {@link #PASSWORD}.
 */
public final class TestNode implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    private final NodeAssembly assembly;
    private final URI baseUrl;

    private TestNode(NodeAssembly assembly, URI baseUrl) {
        this.assembly = assembly;
        this.baseUrl = baseUrl;
    }

    /** Builds and starts a node named after its department. */
    public static TestNode start(String department) {
        return start(department, Clock.systemUTC());
    }

    public static TestNode start(String department, Clock clock) {
        return start(department, clock, MediaLimits.defaults());
    }

    /** A node with its own media limits; like every test node, its data directory is a fresh temporary one. */
    public static TestNode start(String department, Clock clock, MediaLimits mediaLimits) {
        NodeConfig config = config(department);
        NodeAssembly assembly = NodeAssembly.create(config,
                DerbyDataSources.inMemory(department + "-" + UUID.randomUUID()), clock, mediaLimits);
        assembly.start();
        return new TestNode(assembly, config.baseUrl());
    }

    /**
     * A node over {@code dataSource} that serves HTTP but starts no worker (inbox processor, delivery,
     * poll closer, checkpoints): whatever reaches the store while a request runs is that request's doing.
     */
    public static TestNode startHttpOnly(String department, DataSource dataSource) {
        NodeConfig config = config(department);
        NodeAssembly assembly = NodeAssembly.create(config, dataSource, Clock.systemUTC());
        assembly.startHttp();
        return new TestNode(assembly, config.baseUrl());
    }

    private static NodeConfig config(String department) {
        int port = freePort();
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        return new NodeConfig(baseUrl, "127.0.0.1", port, freshDataDir(department), department, 256 * 1024,
                Duration.ofHours(1), Duration.ofMinutes(5)).withSearchIndexInMemory();
    }

    /**
     * A node whose store and search index live on disk under {@code dataDir}, so a test can stop it and
     * start it again over the same data (on the same port, so its URLs stay the same).
     */
    public static TestNode startOnDisk(String department, Path dataDir, int port) {
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        NodeConfig config = new NodeConfig(baseUrl, "127.0.0.1", port, dataDir, department, 256 * 1024,
                Duration.ofHours(1), Duration.ofMinutes(5));
        NodeAssembly assembly = NodeAssembly.create(config, DerbyDataSources.onDisk(dataDir.resolve("db")),
                Clock.systemUTC());
        assembly.start();
        return new TestNode(assembly, baseUrl);
    }

    public NodeAssembly assembly() {
        return assembly;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code host:port}, as peers name this node. */
    public String authority() {
        return baseUrl.getAuthority();
    }

    public Account addEmployee(String username) {
        return assembly.accounts().createEmployee(username, PASSWORD, null, Role.EMPLOYEE);
    }

    /** Allowlists the other nodes on this one. */
    public TestNode allow(TestNode... others) {
        for (TestNode other : others) {
            assembly.peers().add(other.authority(), "test peer");
        }
        return this;
    }

    /** Logs an employee in through the OAuth password grant and returns the bearer token. */
    public String login(String username) {
        return given().baseUri(baseUrl.toString()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", PASSWORD)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A REST Assured request against this node, authenticated as the token's owner. */
    public RequestSpecification api(String token) {
        return given().baseUri(baseUrl.toString()).header("Authorization", "Bearer " + token);
    }

    public RequestSpecification anonymous() {
        return given().baseUri(baseUrl.toString());
    }

    public URI actorUri(String username) {
        return URI.create(baseUrl + "/users/" + username);
    }

    @Override
    public void close() {
        assembly.close();
    }

    /** Under {@code target/nodes}, one directory per node, so nodes never share files (media, config). */
    private static Path freshDataDir(String department) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "nodes"));
            return Files.createTempDirectory(parent, department + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
