package org.tributary.federation.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureInspection;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.VerificationResult;

/**
 * A peer node on a loopback port that checks every request's signature for real (with
 * {@link HttpSignatures} and the public keys it was given) and answers 401 when it does not verify, like a
 * strict peer. Tests script its answers: static documents by path, a queue of statuses for the next
 * verified requests, and a scheme it refuses (to exercise double-knocking).
 */
public final class TestPeerServer implements AutoCloseable {

    /** A request as the server saw it, with the result of verifying its signature. */
    public record Received(String method, URI target, HeaderMap headers, byte[] body,
            Optional<SignatureScheme> scheme, VerificationResult verification, int answeredWith) { }

    /** A canned response; a chunked one is sent without Content-Length. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean chunked) {
        public Response(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, false);
        }

        public static Response redirect(int status, String location) {
            return new Response(status, Map.of("Location", location), new byte[0]);
        }
    }

    private final HttpServer server;
    private final HttpSignatures verifier;
    private final Map<URI, PublicKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Response> documents = new ConcurrentHashMap<>();
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Optional<SignatureScheme> refusedScheme = Optional.empty();
    private volatile int defaultStatus = 202;

    private TestPeerServer(HttpSignatures verifier) throws IOException {
        this.verifier = verifier;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestPeerServer start(HttpSignatures verifier) {
        try {
            return new TestPeerServer(verifier);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
    }

    /** Accept signatures made with this key. */
    public TestPeerServer trust(URI keyId, PublicKey key) {
        keys.put(keyId, key);
        return this;
    }

    /** {@code 127.0.0.1:<port>}, the peer's name in a {@code PeerPolicy}. */
    public String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create("http://" + authority() + path);
    }

    /** Serve {@code body} at {@code path} (for verified GETs). */
    public TestPeerServer serve(String path, Response response) {
        documents.put(path, response);
        return this;
    }

    public TestPeerServer serveJson(String path, String json) {
        return serve(path, new Response(200, Map.of("Content-Type", "application/activity+json"),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The next verified requests get these statuses, in order; after that the default (202). */
    public synchronized TestPeerServer respondWith(int... statuses) {
        for (int status : statuses) {
            scriptedStatuses.add(status);
        }
        return this;
    }

    public TestPeerServer answerByDefault(int status) {
        this.defaultStatus = status;
        return this;
    }

    /** Answer 401 to anything signed with {@code scheme}, like a peer that does not know it. */
    public TestPeerServer refuse(SignatureScheme scheme) {
        this.refusedScheme = Optional.of(scheme);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI target = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HeaderMap headers = HeaderMap.of(exchange.getRequestHeaders());
        HttpRequestParts parts = new HttpRequestParts(exchange.getRequestMethod(), target, headers, body);
        Optional<SignatureScheme> scheme = Optional.empty();
        VerificationResult verification;
        SignatureInspection inspection = verifier.inspect(parts);
        if (inspection instanceof SignatureInspection.Signed signed) {
            scheme = Optional.of(signed.request().scheme());
            PublicKey key = keys.get(signed.request().keyId());
            verification = key == null
                    ? new VerificationResult.Failed(org.tributary.federation.FederationError.KEY_UNAVAILABLE, "unknown key")
                    : verifier.verify(parts, key);
        } else {
            SignatureInspection.Unsigned unsigned = (SignatureInspection.Unsigned) inspection;
            verification = new VerificationResult.Failed(unsigned.error(), unsigned.detail());
        }
        Response response = answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), scheme, verification);
        received.add(new Received(exchange.getRequestMethod(), target, headers, body, scheme, verification, response.status()));
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (response.body().length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
        } else if (response.chunked()) {
            exchange.sendResponseHeaders(response.status(), 0);
            exchange.getResponseBody().write(response.body());
        } else {
            exchange.sendResponseHeaders(response.status(), response.body().length);
            exchange.getResponseBody().write(response.body());
        }
        exchange.close();
    }

    private synchronized Response answer(String method, String path, Optional<SignatureScheme> scheme,
            VerificationResult verification) {
        if (!verification.verified() || (scheme.isPresent() && scheme.equals(refusedScheme))) {
            return new Response(401, Map.of(), new byte[0]);
        }
        Integer scripted = scriptedStatuses.poll();
        if (scripted != null) {
            return new Response(scripted, Map.of(), new byte[0]);
        }
        if (method.equals("GET")) {
            return documents.getOrDefault(path, new Response(404, Map.of(), new byte[0]));
        }
        return new Response(defaultStatus, Map.of(), new byte[0]);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
