package org.tributary.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A lightweight remote peer on loopback: serves its actors' documents and accepts anything POSTed to
 * their inboxes (or the shared inbox) with 202, recording each arrival with the scheme, key id and
 * algorithm its signature declares. It does not verify signatures (verifying is the receiving node's
 * cost, and these peers share the machine with the node being measured); it can refuse one signature
 * scheme with 401, so the node's double-knocking settles on the other one.
 */
public final class FakePeer implements AutoCloseable {

    /** Which signatures the inbox accepts. */
    public enum SchemePolicy { ANY, RFC9421_ONLY, CAVAGE_ONLY }

    /**
     * One POST received: when, which scheme, key and algorithm signed it ({@code alg} of RFC 9421,
     * {@code algorithm} of draft-cavage; empty when not declared), and what it carried.
     */
    public record Arrival(long nanos, String scheme, String keyId, String algorithm, String type, String activityId,
            String objectId) {
    }

    private final HttpServer server;
    private final URI base;
    private final Map<String, FakeActor> actors = new ConcurrentHashMap<>();
    private final List<Consumer<Arrival>> listeners = new CopyOnWriteArrayList<>();
    private volatile SchemePolicy policy = SchemePolicy.ANY;

    public FakePeer(Executor executor) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port", e);
        }
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI base() {
        return base;
    }

    /** {@code 127.0.0.1:<port>}: how the node's allowlist names this peer. */
    public String authority() {
        return base.getAuthority();
    }

    public FakeActor addActor(String username) {
        FakeActor actor = FakeActor.create(base, username);
        actors.put(username, actor);
        return actor;
    }

    public List<FakeActor> actors() {
        return new ArrayList<>(actors.values());
    }

    public void policy(SchemePolicy newPolicy) {
        this.policy = newPolicy;
    }

    public void onArrival(Consumer<Arrival> listener) {
        listeners.add(listener);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (exchange.getRequestMethod().equals("GET") && path.startsWith("/users/")) {
                FakeActor actor = actors.get(path.substring("/users/".length()));
                if (actor == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] document = actor.document().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/inbox")) {
                receive(exchange, body);
                return;
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private void receive(HttpExchange exchange, byte[] body) throws IOException {
        long now = System.nanoTime();
        String signatureInput = exchange.getRequestHeaders().getFirst("Signature-Input");
        String scheme = signatureInput != null ? "rfc9421" : "cavage";
        SchemePolicy current = policy;
        if ((current == SchemePolicy.RFC9421_ONLY && signatureInput == null)
                || (current == SchemePolicy.CAVAGE_ONLY && signatureInput != null)) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        String signatureFields = signatureInput != null ? signatureInput
                : String.valueOf(exchange.getRequestHeaders().getFirst("Signature"));
        String keyId = parameter(signatureFields, "keyid");
        String algorithm = parameter(signatureFields, signatureInput != null ? "alg" : "algorithm");
        exchange.sendResponseHeaders(202, -1);
        JsonObject activity;
        try {
            activity = Json.createReader(new ByteArrayInputStream(body)).readObject();
        } catch (RuntimeException unreadable) {
            return;
        }
        JsonValue object = activity.get("object");
        String objectId = object instanceof JsonObject embedded ? embedded.getString("id", null)
                : object != null && object.getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) object).getString() : null;
        Arrival arrival = new Arrival(now, scheme, keyId, algorithm, activity.getString("type", ""),
                activity.getString("id", ""), objectId);
        listeners.forEach(listener -> listener.accept(arrival));
    }

    /**
     * A quoted parameter such as {@code keyId="..."} (cavage) or {@code keyid="..."} (RFC 9421), by its
     * case-insensitive name; empty when absent.
     */
    private static String parameter(String header, String name) {
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        String prefix = name + "=\"";
        int at = -1;
        for (int from = 0; (from = lower.indexOf(prefix, from)) >= 0; from++) {
            char before = from == 0 ? ',' : lower.charAt(from - 1);
            if (before == ',' || before == ';' || before == ' ') {
                at = from;
                break;
            }
        }
        if (at < 0) {
            return "";
        }
        int start = at + prefix.length();
        int end = header.indexOf('"', start);
        return end < 0 ? "" : header.substring(start, end);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
