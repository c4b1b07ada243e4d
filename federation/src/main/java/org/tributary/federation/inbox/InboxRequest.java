package org.tributary.federation.inbox;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.http.HttpRequestParts;

/**
 * A POST to an inbox as the transport received it: the signed parts (with the raw body), the
 * Content-Type and the declared Content-Length (absent with chunked transfer).
 */
public record InboxRequest(HttpRequestParts http, Optional<String> contentType, OptionalLong declaredContentLength) {

    public InboxRequest {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(declaredContentLength, "declaredContentLength");
    }

    /** Takes Content-Type and Content-Length from the request's own header fields. */
    public static InboxRequest of(HttpRequestParts http) {
        Optional<String> contentType = http.headers().first("content-type");
        OptionalLong length = http.headers().first("content-length")
                .map(InboxRequest::parseLength)
                .orElse(OptionalLong.empty());
        return new InboxRequest(http, contentType, length);
    }

    private static OptionalLong parseLength(String value) {
        try {
            long length = Long.parseLong(value.trim());
            return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }
}
