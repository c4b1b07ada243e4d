package org.tributary.federation.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HttpRequestParts;

/**
 * The draft-cavage-12 §2.3 signing string: one {@code name: value} line per covered header, joined by
 * LF with no trailing newline. {@code (request-target)} is the lower-case method and the path with its
 * query as the receiver sees it; a header sent several times is joined with {@code ", "}.
 */
final class CavageSigningString {

    private CavageSigningString() {
    }

    static String build(HttpRequestParts request, List<String> coveredHeaders, OptionalLong created,
            OptionalLong expires) throws SignatureFailure {
        List<String> lines = new ArrayList<>(coveredHeaders.size());
        for (String header : coveredHeaders) {
            String name = header.toLowerCase(Locale.ROOT);
            String value = switch (name) {
                case "(request-target)" -> request.method().toLowerCase(Locale.ROOT) + " "
                        + TargetUri.originForm(request.targetUri());
                case "(created)" -> Long.toString(required(created, name));
                case "(expires)" -> Long.toString(required(expires, name));
                default -> headerValue(request, name);
            };
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw malformed("value of " + name + " contains a line break");
            }
            lines.add(name + ": " + value);
        }
        return String.join("\n", lines);
    }

    private static String headerValue(HttpRequestParts request, String name) throws SignatureFailure {
        List<String> values = request.headers().all(name);
        if (values.isEmpty()) {
            // HTTP/2 carries the host as :authority, so a request without a Host field still has one.
            if (name.equals("host") && request.targetUri().getHost() != null) {
                return TargetUri.authority(request.targetUri());
            }
            throw malformed("covered header " + name + " is not in the request");
        }
        return values.stream().map(String::trim).collect(Collectors.joining(", "));
    }

    private static long required(OptionalLong value, String name) throws SignatureFailure {
        if (value.isEmpty()) {
            throw malformed(name + " is covered but the signature has no such parameter");
        }
        return value.getAsLong();
    }

    private static SignatureFailure malformed(String detail) {
        return new SignatureFailure(FederationError.SIGNATURE_MALFORMED, detail);
    }
}
