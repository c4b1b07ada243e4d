package org.tributary.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;

/**
 * Builds the activities fake actors send and signs them with the federation library's signer, as
 * ready-to-send requests: signing happens here, before any clock starts.
 */
public final class SignedRequests {
    private static final Set<String> CLIENT_OWNED_HEADERS = Set.of("host", "content-length", "connection");
    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private final HttpSignatures signatures = new HttpSignatures(Clock.systemUTC(), Duration.ofHours(1),
            Duration.ofMinutes(5));
    private final SignatureScheme scheme;

    public SignedRequests(SignatureScheme scheme) {
        this.scheme = scheme;
    }

    /** A public Create(Note) with fresh, unique activity and note ids. */
    public static String createNote(FakeActor actor, String text) {
        String uuid = UUID.randomUUID().toString();
        String published = Instant.now().toString();
        String note = "{\"id\":\"" + actor.id() + "/notes/" + uuid + "\",\"type\":\"Note\",\"attributedTo\":\""
                + actor.id() + "\",\"content\":\"<p>" + text + "</p>\",\"published\":\"" + published
                + "\",\"to\":[\"" + PUBLIC + "\"],\"cc\":[\"" + actor.followers() + "\"]}";
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor.id() + "/activities/"
                + uuid + "\",\"type\":\"Create\",\"actor\":\"" + actor.id() + "\",\"published\":\"" + published
                + "\",\"to\":[\"" + PUBLIC + "\"],\"cc\":[\"" + actor.followers() + "\"],\"object\":" + note + "}";
    }

    /** A Follow of {@code target} by {@code actor}. */
    public static String follow(FakeActor actor, URI target) {
        return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + actor.id() + "/follows/"
                + UUID.randomUUID() + "\",\"type\":\"Follow\",\"actor\":\"" + actor.id() + "\",\"object\":\""
                + target + "\"}";
    }

    /** The activity POSTed to {@code inbox}, signed by {@code actor}'s key, as a JDK request. */
    public HttpRequest post(FakeActor actor, URI inbox, String activityJson) {
        HttpRequestParts signed = sign(actor, inbox, activityJson);
        HttpRequest.Builder builder = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().asMap().forEach((name, values) -> {
            if (!CLIENT_OWNED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** The same, as the bytes the {@link LoadGenerator} writes. */
    public WireRequest wirePost(FakeActor actor, URI inbox, String activityJson) {
        HttpRequestParts signed = sign(actor, inbox, activityJson);
        return WireRequest.of("POST", inbox, signed.headers().asMap(), signed.body());
    }

    private HttpRequestParts sign(FakeActor actor, URI inbox, String activityJson) {
        byte[] body = activityJson.getBytes(StandardCharsets.UTF_8);
        return signatures.sign(new HttpRequestParts("POST", inbox,
                HeaderMap.empty().with("Content-Type", "application/activity+json"), body), actor.signingKey(), scheme);
    }

    /** {@code count} Create(Note) requests, round-robin over the actors, signed on all cores. */
    public List<WireRequest> createNotes(List<FakeActor> actors, URI inbox, int count, String label) {
        return java.util.stream.IntStream.range(0, count).parallel()
                .mapToObj(i -> {
                    FakeActor actor = actors.get(i % actors.size());
                    return wirePost(actor, inbox, createNote(actor, label + " " + i));
                })
                .toList();
    }
}
