package org.tributary.federation.audit;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable 32-byte SHA-256 value: a leaf hash, an interior node hash, a root or a content digest.
 * Compared by content, so it can be used in records, lists and maps (unlike a bare {@code byte[]}).
 */
public final class TreeHash {
    /** The length in bytes of every hash in the log (SHA-256). */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private TreeHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of {@code bytes}; fails with {@code malformed_audit_data} unless it is 32 bytes long. */
    public static TreeHash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new AuditFormatException("a hash must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new TreeHash(bytes.clone());
    }

    /** Takes ownership of a fresh digest output without copying; only for arrays nobody else holds. */
    static TreeHash wrap(byte[] freshDigest) {
        return new TreeHash(freshDigest);
    }

    /** Parses standard base64 (with padding), as used in checkpoints and bundles. */
    public static TreeHash fromBase64(String base64) {
        if (base64 == null) {
            throw new AuditFormatException("missing base64 hash");
        }
        try {
            return of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("not base64: " + abbreviate(base64), e);
        }
    }

    /** Parses lower- or upper-case hexadecimal. */
    public static TreeHash fromHex(String hex) {
        if (hex == null) {
            throw new AuditFormatException("missing hex hash");
        }
        try {
            return of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException("not hexadecimal: " + abbreviate(hex), e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into a digest or buffer without copying them first. */
    void writeTo(java.security.MessageDigest digest) {
        digest.update(bytes, 0, LENGTH);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? '"' + s + '"' : '"' + s.substring(0, 24) + "...\"";
    }
}
