package org.tributary.federation.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the primitive fields of a canonical audit encoding: big-endian fixed-width integers, strings as a
 * 4-byte big-endian byte length followed by their UTF-8 bytes, and raw 32-byte hashes.
 */
final class LengthPrefixedWriter {
    /** No single text field in an entry may exceed 1 MiB once encoded. */
    static final int MAX_STRING_BYTES = 1 << 20;

    // A plain array rather than a ByteArrayOutputStream, whose every write is synchronized: an inbound
    // activity's header block is a few hundred small writes, on the inbox's request threads (benchmark 1).
    private byte[] out = new byte[1024];
    private int length;

    LengthPrefixedWriter raw(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, length, bytes.length);
        length += bytes.length;
        return this;
    }

    LengthPrefixedWriter u32(int value) {
        room(Integer.BYTES);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    LengthPrefixedWriter u64(long value) {
        room(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    private void room(int more) {
        if (out.length - length < more) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }

    LengthPrefixedWriter string(String value) {
        byte[] utf8 = utf8(value);
        return u32(utf8.length).raw(utf8);
    }

    LengthPrefixedWriter hash(TreeHash hash) {
        return raw(hash.bytes());
    }

    byte[] toByteArray() {
        return Arrays.copyOf(out, length);
    }

    /** Strict UTF-8: an unpaired surrogate cannot be encoded, and silently replacing it would lose data. */
    static byte[] utf8(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new AuditFormatException("text holds an unpaired UTF-16 surrogate at index " + i);
            }
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new AuditFormatException("a text field is longer than " + MAX_STRING_BYTES + " bytes");
        }
        return utf8;
    }
}
