package org.tributary.node.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.delivery.DoubleKnockSender;
import org.tributary.federation.delivery.Knock;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.SigningKeys;
import org.tributary.federation.spi.LocalKeys;
import org.tributary.federation.spi.PeerPolicy;

/**
 * A signed GET of a peer's media file, on demand (nothing calls it when a post arrives): only http(s)
 * URLs on allowlisted peers, no redirects, at most {@code maxBytes} read. It is the building block of a
 * future media proxy; today operators and tests use it through {@code NodeAssembly.fetchMedia}.
 */
public final class RemoteMediaFetcher {
    private final DoubleKnockSender sender;
    private final LocalKeys keys;
    private final PeerPolicy peers;
    private final long maxBytes;

    public RemoteMediaFetcher(DoubleKnockSender sender, LocalKeys keys, PeerPolicy peers, long maxBytes) {
        this.sender = sender;
        this.keys = keys;
        this.peers = peers;
        this.maxBytes = maxBytes;
    }

    /** The outcome of one fetch. */
    public sealed interface Result {
        record Fetched(String contentType, byte[] body) implements Result {
        }

        /** {@code status} is the peer's HTTP status, or 0 when there was no usable answer. */
        record Failed(int status, String detail) implements Result {
        }
    }

    public Result fetch(URI url, URI signingKeyId) {
        if (url == null || !peers.isAllowed(url)) {
            return new Result.Failed(0, url + " is not an http(s) URL on an allowed peer");
        }
        Optional<SigningKeys> signingKeys = keys.signingKeysFor(signingKeyId);
        if (signingKeys.isEmpty()) {
            return new Result.Failed(0, "no local signing key " + signingKeyId);
        }
        HttpRequestParts get = new HttpRequestParts("GET", url, HeaderMap.empty().with("accept", "*/*"), null);
        List<Knock<InputStream>> knocks =
                sender.send(get, signingKeys.get(), HttpResponse.BodyHandlers.ofInputStream());
        for (int i = 0; i < knocks.size() - 1; i++) {
            closeQuietly(knocks.get(i));
        }
        Knock<InputStream> last = knocks.get(knocks.size() - 1);
        if (last instanceof Knock.Unanswered<InputStream> unanswered) {
            return new Result.Failed(0, unanswered.detail());
        }
        HttpResponse<InputStream> response = ((Knock.Answered<InputStream>) last).response();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Result.Failed(response.statusCode(), url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                return new Result.Failed(0, url + " is larger than " + maxBytes + " bytes");
            }
            return new Result.Fetched(response.headers().firstValue("content-type").orElse(""), bytes);
        } catch (IOException e) {
            return new Result.Failed(0, url + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(Knock<InputStream> knock) {
        if (knock instanceof Knock.Answered<InputStream> answered) {
            try {
                answered.response().body().close();
            } catch (IOException ignored) {
                // the refused first knock's body is of no interest
            }
        }
    }
}
