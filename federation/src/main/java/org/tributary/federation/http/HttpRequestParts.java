package org.tributary.federation.http;

import java.net.URI;
import java.util.Objects;

/**
 * The parts of an HTTP request that signatures and digests are computed over: method, the full target
 * URI (scheme, authority, path and query, as the receiver sees it), the header fields and the raw body
 * bytes ({@code byte[0]} for a request without body).
 */
public record HttpRequestParts(String method, URI targetUri, HeaderMap headers, byte[] body) {
    public HttpRequestParts {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(targetUri, "targetUri");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    public HttpRequestParts withHeaders(HeaderMap newHeaders) {
        return new HttpRequestParts(method, targetUri, newHeaders, body);
    }
}
