package org.tributary.node.activitypub;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.node.config.LocalUris;

/**
 * Rebuilds the request a peer signed. The target URI is formed from the node's configured base URL
 * and the raw path and query, not from the Host header, so a proxy in front cannot change what is
 * verified.
 */
public final class RequestParts {
    private final LocalUris uris;

    public RequestParts(LocalUris uris) {
        this.uris = uris;
    }

    public HttpRequestParts of(String method, UriInfo uriInfo, HttpHeaders headers, byte[] body) {
        URI requested = uriInfo.getRequestUri();
        String pathAndQuery = requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
        String base = uris.base().toString().replaceAll("/+$", "");
        return new HttpRequestParts(method, URI.create(base + pathAndQuery), HeaderMap.of(headers.getRequestHeaders()),
                body);
    }
}
