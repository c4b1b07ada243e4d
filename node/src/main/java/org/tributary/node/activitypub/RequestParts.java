package org.tributary.node.activitypub;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.node.config.LocalUris;

/**
 * Rebuilds the request a peer signed. The target URI is formed from the node's configured base URL
 * and the raw path and query, not from the Host header, so a proxy in front cannot change what is
 * verified.
 */
public final class RequestParts {
    /** The configured base URL without a trailing slash. */
    private final String base;

    public RequestParts(LocalUris uris) {
        this.base = uris.base().toString().replaceAll("/+$", "");
    }

    public HttpRequestParts of(String method, UriInfo uriInfo, HttpHeaders headers, byte[] body) {
        URI requested = uriInfo.getRequestUri();
        String pathAndQuery = requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
        return of(method, URI.create(base + pathAndQuery), HeaderMap.of(headers.getRequestHeaders()), body);
    }

    /**
     * The URI a request was signed for, from its raw path and query as received (a request served outside
     * Jersey); empty when they do not form a valid URI.
     */
    public Optional<URI> target(String pathAndQuery) {
        try {
            return Optional.of(new URI(base + pathAndQuery));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The request with this {@link #target}. */
    public HttpRequestParts of(String method, URI target, HeaderMap headers, byte[] body) {
        return new HttpRequestParts(method, target, headers, body);
    }
}
