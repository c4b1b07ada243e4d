package org.tributary.federation.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HttpRequestParts;
import org.tributary.federation.signature.StructuredFieldParser.MalformedFieldException;
import org.tributary.federation.signature.StructuredFields.InnerList;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Member;
import org.tributary.federation.signature.StructuredFields.Parameters;
import org.tributary.federation.signature.StructuredFields.SfBoolean;
import org.tributary.federation.signature.StructuredFields.SfString;

/**
 * The RFC 9421 §2.5 signature base for a request: one {@code "component": value} line per covered
 * component, then the {@code "@signature-params"} line, joined by LF with no trailing newline.
 *
 * <p>Supported components are the request-derived ones we need ({@code @method}, {@code @target-uri},
 * {@code @authority}, {@code @scheme}, {@code @path}, {@code @query}, {@code @request-target}) and
 * header fields, the latter with the {@code sf}, {@code key} (dictionary fields) and {@code bs}
 * parameters. Anything else fails the base, as §2.5 requires, rather than being guessed at.
 */
final class Rfc9421SignatureBase {
    /** Fields we know to be RFC 8941 dictionaries, so {@code ;sf} can re-serialize them. */
    private static final Set<String> DICTIONARY_FIELDS = Set.of(
            "signature", "signature-input", "accept-signature", "content-digest", "repr-digest",
            "want-content-digest", "want-repr-digest");

    private Rfc9421SignatureBase() {
    }

    /**
     * Builds the base for the covered components and parameters in {@code signatureParams} (the
     * Signature-Input member value).
     */
    static String build(HttpRequestParts request, InnerList signatureParams) throws SignatureFailure {
        StringBuilder base = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (Item component : signatureParams.items()) {
            if (!(component.value() instanceof SfString name)) {
                throw malformed("a covered component must be a string");
            }
            String identifier = StructuredFields.serializeItem(component);
            if (!seen.add(canonicalIdentifier(name.value(), component.params()))) {
                throw malformed("component " + identifier + " is covered twice");
            }
            String value = name.value().startsWith("@")
                    ? derivedValue(request, name.value(), component.params())
                    : fieldValue(request, name.value(), component.params());
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw malformed("value of " + identifier + " contains a line break");
            }
            base.append(identifier).append(": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(StructuredFields.serializeInnerList(signatureParams));
        String result = base.toString();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(result)) {
            throw malformed("signature base contains non-ASCII characters");
        }
        return result;
    }

    /** Parameter order is not significant when comparing identifiers (§2), so sort for the duplicate check. */
    private static String canonicalIdentifier(String name, Parameters params) {
        return name + params.values().entrySet().stream()
                .map(e -> ";" + e.getKey() + "=" + StructuredFields.serializeBareItem(e.getValue()))
                .sorted().collect(Collectors.joining());
    }

    private static String derivedValue(HttpRequestParts request, String name, Parameters params)
            throws SignatureFailure {
        if (!params.isEmpty()) {
            throw malformed("derived component " + name + " takes no parameters here");
        }
        var uri = request.targetUri();
        return switch (name) {
            case "@method" -> request.method();
            case "@target-uri" -> TargetUri.absolute(uri);
            case "@authority" -> TargetUri.authority(uri);
            case "@scheme" -> TargetUri.scheme(uri);
            case "@path" -> TargetUri.path(uri);
            case "@query" -> "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
            case "@request-target" -> TargetUri.originForm(uri);
            default -> throw malformed("unsupported derived component " + name);
        };
    }

    private static String fieldValue(HttpRequestParts request, String name, Parameters params)
            throws SignatureFailure {
        if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isEmpty()) {
            throw malformed("field component names are lower-case: " + name);
        }
        List<String> values = request.headers().all(name);
        if (values.isEmpty()) {
            throw malformed("covered field " + name + " is not in the request");
        }
        boolean byteSequence = false;
        boolean strict = false;
        String key = null;
        for (Map.Entry<String, StructuredFields.BareItem> param : params.values().entrySet()) {
            switch (param.getKey()) {
                case "bs" -> byteSequence = isTrue(param.getValue());
                case "sf" -> strict = isTrue(param.getValue());
                case "key" -> key = param.getValue() instanceof SfString s ? s.value() : null;
                default -> throw malformed("unsupported component parameter ;" + param.getKey() + " on " + name);
            }
        }
        if (params.get("key") != null && key == null) {
            throw malformed("the key parameter of " + name + " must be a string");
        }
        if (byteSequence && (strict || key != null)) {
            throw malformed("bs cannot be combined with sf or key on " + name);
        }
        if (byteSequence) {
            // Each field line is wrapped on its own, so values containing commas stay unambiguous (§2.1.3).
            return values.stream()
                    .map(v -> ":" + Base64.getEncoder().encodeToString(v.trim().getBytes(StandardCharsets.ISO_8859_1)) + ":")
                    .collect(Collectors.joining(", "));
        }
        String combined = values.stream().map(String::trim).collect(Collectors.joining(", "));
        if (key != null) {
            Member member = dictionary(name, combined).get(key);
            if (member == null) {
                throw malformed("dictionary field " + name + " has no member " + key);
            }
            return StructuredFields.serializeMember(member);
        }
        if (strict) {
            if (!DICTIONARY_FIELDS.contains(name)) {
                throw malformed("the structured type of " + name + " is not known, so ;sf cannot apply");
            }
            return StructuredFields.serializeDictionary(dictionary(name, combined));
        }
        return combined;
    }

    private static Map<String, Member> dictionary(String name, String value) throws SignatureFailure {
        try {
            return StructuredFieldParser.parseDictionary(value);
        } catch (MalformedFieldException e) {
            throw malformed("field " + name + " is not a structured dictionary: " + e.getMessage());
        }
    }

    private static boolean isTrue(StructuredFields.BareItem value) throws SignatureFailure {
        if (value instanceof SfBoolean b) {
            return b.value();
        }
        throw malformed("flag parameters are booleans");
    }

    private static SignatureFailure malformed(String detail) {
        return new SignatureFailure(FederationError.SIGNATURE_MALFORMED, detail);
    }
}
