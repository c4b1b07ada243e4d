package org.tributary.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** Keys, clocks and requests shared by the signature tests. Keys are generated once per test run. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-05T09:07:03Z");
    static final URI KEY_ID = URI.create("https://a.example/users/alice#main-key");
    static final byte[] FOLLOW = ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Follow\","
            + "\"actor\":\"https://a.example/users/alice\",\"object\":\"https://b.example/users/bob\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final class Keys {
        static final KeyPair RSA = KeyCodec.generate(KeyAlgorithm.RSA);
        static final KeyPair ED25519 = KeyCodec.generate(KeyAlgorithm.ED25519);
    }

    private Fixtures() {
    }

    static KeyPair keyPair(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA ? Keys.RSA : Keys.ED25519;
    }

    static SigningKey signingKey(KeyAlgorithm algorithm) {
        return new SigningKey(KEY_ID, keyPair(algorithm).getPrivate(), algorithm);
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The node's window: one hour back, five minutes ahead, at {@link #NOW}. */
    static HttpSignatures signatures() {
        return signaturesAt(NOW);
    }

    static HttpSignatures signaturesAt(Instant now) {
        return new HttpSignatures(clockAt(now), Duration.ofHours(1), Duration.ofMinutes(5));
    }

    static HttpRequestParts post() {
        return new HttpRequestParts("POST", URI.create("https://b.example/users/bob/inbox"),
                HeaderMap.of(Map.of("Content-Type", List.of("application/activity+json"))), FOLLOW);
    }

    static HttpRequestParts get() {
        return new HttpRequestParts("GET", URI.create("https://b.example/users/bob?page=2"),
                HeaderMap.of(Map.of("Accept", List.of("application/activity+json"))), new byte[0]);
    }

    static HttpRequestParts request(String method) {
        return method.equals("POST") ? post() : get();
    }
}
