package org.tributary.federation.fetch;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tributary.federation.FederationError;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.Knock;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.inbox.ActivityMediaType;
import org.tributary.federation.inbox.Origin;
import org.tributary.federation.signature.SigningKeys;
import org.tributary.federation.spi.LocalKeys;
import org.tributary.federation.spi.PeerPolicy;

/**
 * Fetches an ActivityPub document with a signed GET, applying the rules that stop impersonation and
 * server-side request forgery (DESIGN §4):
 * <ul>
 *   <li>only http(s) URLs on allowed peers; anything else fails before a request is made;</li>
 *   <li>the {@code #fragment} is not sent (and so not signed: a signed fragment could never verify);</li>
 *   <li>redirects are followed by hand, at most {@link FetchLimits#maxRedirects()}, each hop re-checked
 *       against the policy and required to stay on the original origin;</li>
 *   <li>the body is read up to a limit and must be ActivityStreams JSON;</li>
 *   <li>the document's {@code id} must be the URL asked for (or the same-origin URL it was finally served
 *       from): a document may not speak for a URL it was not fetched from.</li>
 * </ul>
 */
public final class SignedFetcher {

    static final String ACCEPT =
            "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final DoubleKnockSender sender;
    private final LocalKeys keys;
    private final PeerPolicy peers;
    private final FetchLimits limits;
    private final JsonReaderFactory readers =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    public SignedFetcher(DoubleKnockSender sender, LocalKeys keys, PeerPolicy peers, FetchLimits limits) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param signingKeyId the local key to sign with (an actor's, or the instance actor's)
     */
    public FetchResult fetch(URI url, URI signingKeyId) {
        if (url == null || Origin.of(url).isEmpty() || !peers.isAllowed(url)) {
            return failed(FederationError.PEER_NOT_ALLOWED, url + " is not an http(s) URL on an allowed peer");
        }
        Optional<SigningKeys> signingKeys = keys.signingKeysFor(signingKeyId);
        if (signingKeys.isEmpty()) {
            return failed(FederationError.FETCH_FAILED, "no local signing key " + signingKeyId);
        }
        URI requested = withoutFragment(url);
        URI current = requested;
        for (int hop = 0; ; hop++) {
            HttpRequestParts get = new HttpRequestParts("GET", current, HeaderMap.empty().with("accept", ACCEPT), null);
            List<Knock<BoundedBody>> knocks =
                    sender.send(get, signingKeys.get(), new BoundedBodyHandler(limits.maxBodyBytes()));
            Knock<BoundedBody> last = knocks.get(knocks.size() - 1);
            if (last instanceof Knock.Unanswered<BoundedBody> unanswered) {
                return failed(FederationError.FETCH_FAILED, current + ": " + unanswered.detail());
            }
            var response = ((Knock.Answered<BoundedBody>) last).response();
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                if (hop >= limits.maxRedirects()) {
                    return failed(FederationError.FETCH_FAILED, "more than " + limits.maxRedirects() + " redirects");
                }
                Optional<URI> next = redirectTarget(current, response.headers().firstValue("location"));
                if (next.isEmpty()) {
                    return failed(FederationError.FETCH_FAILED, current + " redirects to an unusable Location");
                }
                if (!peers.isAllowed(next.get())) {
                    return failed(FederationError.PEER_NOT_ALLOWED, current + " redirects to " + next.get()
                            + ", which is not on an allowed peer");
                }
                if (!Origin.same(next.get(), requested)) {
                    return failed(FederationError.ORIGIN_MISMATCH, current + " redirects to " + next.get()
                            + ", another origin");
                }
                current = next.get();
                continue;
            }
            if (status < 200 || status >= 300) {
                return failed(FederationError.FETCH_FAILED, current + " answered HTTP " + status);
            }
            return read(requested, current, response.headers().firstValue("content-type"), response.body());
        }
    }

    private FetchResult read(URI requested, URI servedFrom, Optional<String> contentType, BoundedBody body) {
        if (body instanceof BoundedBody.TooLarge tooLarge) {
            return failed(FederationError.BODY_TOO_LARGE, requested + " is larger than " + tooLarge.limit() + " bytes");
        }
        if (contentType.isEmpty() || !ActivityMediaType.isActivityJson(contentType.get())) {
            return failed(FederationError.UNSUPPORTED_CONTENT_TYPE,
                    requested + " was served as " + contentType.orElse("(no type)"));
        }
        byte[] raw = ((BoundedBody.Complete) body).bytes();
        JsonStructure structure;
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(raw))) {
            structure = reader.read();
        } catch (JsonException | IllegalStateException | IllegalArgumentException notJson) {
            return failed(FederationError.MALFORMED_JSON, requested + " is not well-formed JSON");
        }
        if (structure.getValueType() != JsonValue.ValueType.OBJECT) {
            return failed(FederationError.MALFORMED_JSON, requested + " is not a JSON object");
        }
        var document = structure.asJsonObject();
        JsonValue id = document.get("id");
        Optional<URI> claimed = id instanceof JsonString string ? parse(string.getString()) : Optional.empty();
        if (claimed.isEmpty() || !(claimed.get().equals(requested) || claimed.get().equals(servedFrom))) {
            return failed(FederationError.ORIGIN_MISMATCH,
                    "document fetched from " + requested + " claims to be " + (id == null ? "(no id)" : id));
        }
        return new FetchResult.Fetched(document, raw);
    }

    private static Optional<URI> redirectTarget(URI current, Optional<String> location) {
        return location.flatMap(SignedFetcher::parse).map(current::resolve).map(SignedFetcher::withoutFragment);
    }

    private static Optional<URI> parse(String value) {
        try {
            return Optional.of(new URI(value.trim()));
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }

    /** The URL with any {@code #fragment} removed; the fragment is a client-side thing and never sent. */
    static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String text = url.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    private static FetchResult.Failed failed(FederationError error, String detail) {
        return new FetchResult.Failed(error, detail);
    }
}
