package org.tributary.spec.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.SigningKey;

/**
 * The suite's HTTP client: signs requests with {@link HttpSignatures} the way a peer would and sends them
 * with the JDK client. The JDK client sets {@code Host} itself (to {@code 127.0.0.1:port} for the loopback
 * URLs used here), so requests are signed for exactly that {@code Host}, taken from the target URI.
 */
final class SignedHttp {
    static final String ACTIVITY_JSON = "application/activity+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Header fields the JDK client writes itself and refuses from callers. */
    private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final HttpSignatures signatures;

    SignedHttp() {
        this(Clock.systemUTC());
    }

    /** Signs with {@code clock}'s time: a clock set back or ahead makes signatures that are too old or too new. */
    SignedHttp(Clock clock) {
        this.signatures = new HttpSignatures(clock, Duration.ofHours(1), Duration.ofMinutes(5));
    }

    /** A POST of {@code body} as {@code application/activity+json}, signed with {@code key}. */
    HttpRequestParts signedPost(URI target, byte[] body, SigningKey key, SignatureScheme scheme) {
        return signedPost(target, body, ACTIVITY_JSON, key, scheme);
    }

    HttpRequestParts signedPost(URI target, byte[] body, String contentType, SigningKey key, SignatureScheme scheme) {
        HttpRequestParts request = new HttpRequestParts("POST", target,
                HeaderMap.empty().with("Content-Type", contentType), body);
        return signatures.sign(request, key, scheme);
    }

    HttpRequestParts signedGet(URI target, SigningKey key, SignatureScheme scheme) {
        return signatures.sign(new HttpRequestParts("GET", target, acceptActivityJson(), null), key, scheme);
    }

    /** Signs and POSTs an activity. */
    HttpResponse<String> post(URI target, byte[] body, SigningKey key, SignatureScheme scheme) {
        return send(signedPost(target, body, key, scheme));
    }

    /** Signs and sends a GET asking for ActivityStreams JSON. */
    HttpResponse<String> get(URI target, SigningKey key, SignatureScheme scheme) {
        return send(signedGet(target, key, scheme));
    }

    /** An unsigned GET asking for ActivityStreams JSON. */
    HttpResponse<String> getUnsigned(URI target) {
        return send(new HttpRequestParts("GET", target, acceptActivityJson(), null));
    }

    /** Sends exactly these header fields (except those the client owns) and body. */
    HttpResponse<String> send(HttpRequestParts request) {
        HttpRequest.BodyPublisher body = request.body().length == 0 && !request.method().equals("POST")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.targetUri()).timeout(TIMEOUT)
                .method(request.method(), body);
        request.headers().asMap().forEach((name, values) -> {
            if (!CLIENT_OWNED.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + request.targetUri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static HeaderMap acceptActivityJson() {
        return HeaderMap.empty().with("Accept", ACTIVITY_JSON);
    }
}
