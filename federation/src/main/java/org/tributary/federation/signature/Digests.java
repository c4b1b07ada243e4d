package org.tributary.federation.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tributary.federation.signature.StructuredFieldParser.MalformedFieldException;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Member;
import org.tributary.federation.signature.StructuredFields.SfBytes;

/**
 * Body digests in the two header forms the fediverse uses: {@code Digest: SHA-256=<base64>} (RFC 3230,
 * paired with draft-cavage signatures) and {@code Content-Digest: sha-256=:<base64>:} (RFC 9530, a
 * structured-field dictionary, paired with RFC 9421). Both may list several algorithms; SHA-256 must
 * be among them, SHA-512 is checked when present, and algorithms we do not know are ignored.
 */
public final class Digests {

    /** The outcome of checking a digest header against a body. */
    public sealed interface DigestCheck {
        /** Every known digest in the header matches the body. */
        record Matches() implements DigestCheck {
        }

        /** The header has no SHA-256 digest we can read, or is absent. */
        record Missing(String detail) implements DigestCheck {
        }

        /** A digest in the header does not match the body. */
        record Mismatch(String detail) implements DigestCheck {
        }
    }

    private Digests() {
    }

    public static String sha256Base64(byte[] body) {
        return Base64.getEncoder().encodeToString(hash("SHA-256", body));
    }

    /** The RFC 3230 {@code Digest} header value for a body: {@code SHA-256=<base64>}. */
    public static String digestHeader(byte[] body) {
        return "SHA-256=" + sha256Base64(body);
    }

    /** The RFC 9530 {@code Content-Digest} header value for a body: {@code sha-256=:<base64>:}. */
    public static String contentDigestHeader(byte[] body) {
        return "sha-256=:" + sha256Base64(body) + ":";
    }

    /**
     * Checks an RFC 3230 {@code Digest} value: comma-separated {@code algorithm=base64} pairs, algorithm
     * names compared without case.
     */
    public static DigestCheck checkDigestHeader(String headerValue, byte[] body) {
        if (headerValue == null || headerValue.isBlank()) {
            return new DigestCheck.Missing("no Digest header");
        }
        boolean sawSha256 = false;
        for (String entry : headerValue.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String algorithm = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            Optional<byte[]> given = decodeBase64(entry.substring(eq + 1).trim());
            Optional<String> javaName = javaAlgorithm(algorithm);
            if (javaName.isEmpty()) {
                continue;
            }
            if (given.isEmpty()) {
                return new DigestCheck.Mismatch("Digest " + algorithm + " value is not base64");
            }
            if (!MessageDigest.isEqual(given.get(), hash(javaName.get(), body))) {
                return new DigestCheck.Mismatch("Digest " + algorithm + " does not match the body");
            }
            sawSha256 |= algorithm.equals("sha-256");
        }
        return sawSha256 ? new DigestCheck.Matches() : new DigestCheck.Missing("Digest has no SHA-256 value");
    }

    /** Checks an RFC 9530 {@code Content-Digest} value, a dictionary of byte sequences. */
    public static DigestCheck checkContentDigestHeader(String headerValue, byte[] body) {
        if (headerValue == null || headerValue.isBlank()) {
            return new DigestCheck.Missing("no Content-Digest header");
        }
        Map<String, Member> members;
        try {
            members = StructuredFieldParser.parseDictionary(headerValue);
        } catch (MalformedFieldException e) {
            return new DigestCheck.Missing("Content-Digest is not a structured dictionary: " + e.getMessage());
        }
        boolean sawSha256 = false;
        for (Map.Entry<String, Member> member : members.entrySet()) {
            Optional<String> javaName = javaAlgorithm(member.getKey());
            if (javaName.isEmpty()) {
                continue;
            }
            if (!(member.getValue() instanceof Item item && item.value() instanceof SfBytes bytes)) {
                return new DigestCheck.Mismatch("Content-Digest " + member.getKey() + " is not a byte sequence");
            }
            if (!MessageDigest.isEqual(bytes.value(), hash(javaName.get(), body))) {
                return new DigestCheck.Mismatch("Content-Digest " + member.getKey() + " does not match the body");
            }
            sawSha256 |= member.getKey().equals("sha-256");
        }
        return sawSha256
                ? new DigestCheck.Matches()
                : new DigestCheck.Missing("Content-Digest has no sha-256 value");
    }

    private static Optional<String> javaAlgorithm(String lowerCaseName) {
        return switch (lowerCaseName) {
            case "sha-256" -> Optional.of("SHA-256");
            case "sha-512" -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    private static Optional<byte[]> decodeBase64(String value) {
        try {
            return Optional.of(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hash(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides " + algorithm, e);
        }
    }
}
