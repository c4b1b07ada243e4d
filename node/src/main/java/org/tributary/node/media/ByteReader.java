package org.tributary.node.media;

/** Bounds-checked reads of fixed-size integers from a file's bytes; out of range reads give -1. */
final class ByteReader {
    private final byte[] bytes;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int length() {
        return bytes.length;
    }

    int u8(int offset) {
        return offset >= 0 && offset < bytes.length ? bytes[offset] & 0xFF : -1;
    }

    int u16be(int offset) {
        return has(offset, 2) ? (u8(offset) << 8) | u8(offset + 1) : -1;
    }

    int u16le(int offset) {
        return has(offset, 2) ? u8(offset) | (u8(offset + 1) << 8) : -1;
    }

    int u24le(int offset) {
        return has(offset, 3) ? u8(offset) | (u8(offset + 1) << 8) | (u8(offset + 2) << 16) : -1;
    }

    /** An unsigned 32-bit value; -1 when out of range. */
    long u32be(int offset) {
        return has(offset, 4) ? ((long) u16be(offset) << 16) | u16be(offset + 2) : -1;
    }

    long u32le(int offset) {
        return has(offset, 4) ? u16le(offset) | ((long) u16le(offset + 2) << 16) : -1;
    }

    boolean startsWith(int offset, String ascii) {
        if (!has(offset, ascii.length())) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(int offset, int... values) {
        if (!has(offset, values.length)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (u8(offset + i) != values[i]) {
                return false;
            }
        }
        return true;
    }

    boolean has(int offset, int count) {
        return offset >= 0 && count >= 0 && (long) offset + count <= bytes.length;
    }
}
