package org.tributary.federation.signature;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.FederationError;

/**
 * The draft-cavage-12 {@code Signature} header: {@code keyId="…",algorithm="…",headers="…",signature="…"}
 * with optional {@code created} and {@code expires}. Parsing is strict about structure (every
 * parameter once, {@code keyId} and {@code signature} required) and tolerant of spaces after commas.
 */
record CavageSignatureHeader(
        String keyId,
        Optional<String> algorithm,
        List<String> headers,
        byte[] signature,
        OptionalLong created,
        OptionalLong expires) {

    CavageSignatureHeader {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(algorithm);
        headers = List.copyOf(headers);
        signature = signature.clone();
        Objects.requireNonNull(created);
        Objects.requireNonNull(expires);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    static CavageSignatureHeader parse(String value) throws SignatureFailure {
        Map<String, String> params = parameters(value);
        String keyId = params.get("keyid");
        String signature = params.get("signature");
        if (keyId == null || keyId.isEmpty() || signature == null) {
            throw malformed("keyId and signature are required");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not base64");
        }
        OptionalLong created = number(params, "created");
        OptionalLong expires = number(params, "expires");
        String headerList = params.get("headers");
        List<String> headers;
        if (headerList == null) {
            // The draft's default: (created) when a creation time is given, else the Date header alone.
            headers = List.of(created.isPresent() ? "(created)" : "date");
        } else {
            headers = Arrays.stream(headerList.trim().split(" +"))
                    .filter(h -> !h.isEmpty())
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
            if (headers.isEmpty()) {
                throw malformed("headers is empty");
            }
        }
        Optional<String> algorithm = Optional.ofNullable(params.get("algorithm")).map(a -> a.toLowerCase(Locale.ROOT));
        return new CavageSignatureHeader(keyId, algorithm, headers, signatureBytes, created, expires);
    }

    /** The header value, parameters in the order peers conventionally send them. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append("keyId=\"").append(keyId).append('"');
        algorithm.ifPresent(a -> out.append(",algorithm=\"").append(a).append('"'));
        created.ifPresent(c -> out.append(",created=").append(c));
        expires.ifPresent(e -> out.append(",expires=").append(e));
        out.append(",headers=\"").append(String.join(" ", headers)).append('"');
        out.append(",signature=\"").append(Base64.getEncoder().encodeToString(signature)).append('"');
        return out.toString();
    }

    /** Parameter names are case-insensitive ({@code keyId}); values are quoted or bare numbers. */
    private static Map<String, String> parameters(String value) throws SignatureFailure {
        if (value == null || value.isBlank()) {
            throw malformed("empty Signature header");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int pos = 0;
        int length = value.length();
        while (pos < length) {
            while (pos < length && (value.charAt(pos) == ' ' || value.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= length) {
                break;
            }
            int nameStart = pos;
            while (pos < length && Character.isLetter(value.charAt(pos))) {
                pos++;
            }
            String name = value.substring(nameStart, pos).toLowerCase(Locale.ROOT);
            if (name.isEmpty() || pos >= length || value.charAt(pos) != '=') {
                throw malformed("expected name=\"value\" at position " + nameStart);
            }
            pos++;
            String paramValue;
            if (pos < length && value.charAt(pos) == '"') {
                int close = value.indexOf('"', pos + 1);
                if (close < 0) {
                    throw malformed("unterminated quoted value for " + name);
                }
                paramValue = value.substring(pos + 1, close);
                pos = close + 1;
            } else {
                int comma = value.indexOf(',', pos);
                int end = comma < 0 ? length : comma;
                paramValue = value.substring(pos, end).trim();
                pos = end;
            }
            if (pos < length && value.charAt(pos) != ',' && value.charAt(pos) != ' ') {
                throw malformed("expected ',' after " + name);
            }
            if (params.put(name, paramValue) != null) {
                throw malformed("parameter " + name + " appears twice");
            }
        }
        return params;
    }

    private static OptionalLong number(Map<String, String> params, String name) throws SignatureFailure {
        String text = params.get(name);
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            // Sub-second precision is allowed by the draft; only whole seconds matter for the window.
            return OptionalLong.of(Long.parseLong(text.contains(".") ? text.substring(0, text.indexOf('.')) : text));
        } catch (NumberFormatException e) {
            throw malformed(name + " is not a number");
        }
    }

    private static SignatureFailure malformed(String detail) {
        return new SignatureFailure(FederationError.SIGNATURE_MALFORMED, "Signature header: " + detail);
    }
}
