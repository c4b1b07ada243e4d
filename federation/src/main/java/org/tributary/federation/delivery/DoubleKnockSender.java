package org.tributary.federation.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.HttpSignatures;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.signature.SigningKey;
import org.tributary.federation.signature.SigningKeys;
import org.tributary.federation.spi.PeerPolicy;

/**
 * Sends a signed request with "double-knocking" (DESIGN §4): sign with the scheme the peer is known to
 * accept (RFC 9421 when unknown); if the peer answers 400 or 401, sign again with the other scheme and
 * send once more at once. A scheme that gets a 2xx or 3xx answer is remembered for that peer. Each scheme
 * signs with the key {@link SigningKeys#forScheme} picks: RFC 9421 with the actor's Ed25519 key when it has
 * one, draft-cavage with its RSA main key.
 *
 * <p>Redirects are never followed here; callers that follow them re-check each hop themselves.
 */
public final class DoubleKnockSender {

    /** Header fields {@link HttpClient} sets itself and refuses from callers. */
    private static final Set<String> CLIENT_OWNED_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final HttpSignatures signatures;
    private final SignatureSchemeMemory schemes;
    private final Duration requestTimeout;

    /**
     * @param client         should not follow redirects ({@link HttpClient.Redirect#NEVER}, the default)
     * @param requestTimeout the limit for each exchange, until the response headers arrive
     */
    public DoubleKnockSender(
            HttpClient client, HttpSignatures signatures, SignatureSchemeMemory schemes, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.schemes = Objects.requireNonNull(schemes, "schemes");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HTTP client must not follow redirects by itself");
        }
    }

    /**
     * Signs and sends {@code request}, knocking a second time with the other scheme on 400 or 401.
     *
     * @return the exchanges made, in order: one, or two when the first was refused; the last one decides
     */
    public <T> List<Knock<T>> send(HttpRequestParts request, SigningKeys keys, HttpResponse.BodyHandler<T> body) {
        String authority = PeerPolicy.authorityOf(request.targetUri());
        SignatureScheme first = schemes.preferredFor(authority);
        List<Knock<T>> knocks = new ArrayList<>(2);
        Knock<T> knock = exchange(request, keys, first, body);
        knocks.add(knock);
        if (refusedSignature(knock)) {
            knock = exchange(request, keys, SignatureSchemeMemory.other(first), body);
            knocks.add(knock);
        }
        if (knock instanceof Knock.Answered<T> answered && answered.status() >= 200 && answered.status() < 400) {
            schemes.remember(authority, answered.scheme());
        }
        return List.copyOf(knocks);
    }

    private static boolean refusedSignature(Knock<?> knock) {
        return knock instanceof Knock.Answered<?> answered && (answered.status() == 400 || answered.status() == 401);
    }

    private <T> Knock<T> exchange(
            HttpRequestParts request, SigningKeys keys, SignatureScheme scheme, HttpResponse.BodyHandler<T> body) {
        SigningKey key = keys.forScheme(scheme);
        HttpRequestParts signed = signatures.sign(request, key, scheme);
        HttpRequest.BodyPublisher publisher = signed.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(signed.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.targetUri())
                .timeout(requestTimeout)
                .method(signed.method(), publisher);
        signed.headers().asMap().forEach((name, values) -> {
            if (!CLIENT_OWNED_HEADERS.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            return new Knock.Answered<>(scheme, key.keyId(), client.send(builder.build(), body));
        } catch (HttpTimeoutException timeout) {
            return new Knock.Unanswered<>(scheme, key.keyId(), "timed out: " + timeout.getMessage(), true);
        } catch (IOException failure) {
            return new Knock.Unanswered<>(scheme, key.keyId(),
                    failure.getClass().getSimpleName() + ": " + failure.getMessage(), false);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Knock.Unanswered<>(scheme, key.keyId(), "interrupted", false);
        }
    }
}
