package org.tributary.federation.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tributary.federation.spi.PeerPolicy;

/**
 * One unsigned GET of a public discovery document, within {@link FetchLimits}, only to hosts the
 * {@link PeerPolicy} allows, and only if the answer came from the authority asked (a client that
 * follows redirects cannot lead us to another host).
 */
final class BoundedGet {

    private final HttpClient http;
    private final PeerPolicy policy;
    private final FetchLimits limits;

    BoundedGet(HttpClient http, PeerPolicy policy, FetchLimits limits) {
        this.http = Objects.requireNonNull(http, "http");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    FetchLimits limits() {
        return limits;
    }

    byte[] get(URI uri, String accept) throws DiscoveryException {
        if (!policy.isAllowed(uri)) {
            throw DiscoveryException.notAllowed(uri.getHost() == null ? uri.toString() : PeerPolicy.authorityOf(uri));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(limits.timeout())
                .header("Accept", accept)
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, LimitedBodySubscriber.handler(limits.maxBytes()));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers only the wait for headers; this one covers the body too.
            response = pending.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw DiscoveryException.fetchFailed("timed out fetching " + uri);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw DiscoveryException.fetchFailed("interrupted fetching " + uri);
        } catch (ExecutionException e) {
            throw DiscoveryException.fetchFailed(describe(e.getCause()) + " fetching " + uri);
        }
        if (response.statusCode() != 200) {
            throw DiscoveryException.fetchFailed("status " + response.statusCode() + " from " + uri);
        }
        if (!sameAuthority(uri, response.uri())) {
            throw DiscoveryException.fetchFailed("answer for " + uri + " came from another host");
        }
        return response.body();
    }

    static boolean sameAuthority(URI expected, URI actual) {
        return actual != null && actual.getHost() != null && expected.getHost() != null
                && PeerPolicy.authorityOf(expected).equals(PeerPolicy.authorityOf(actual));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof LimitedBodySubscriber.TooLargeException) {
            return "response too large";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof IOException) {
            return "I/O error";
        }
        return "request failed";
    }
}
