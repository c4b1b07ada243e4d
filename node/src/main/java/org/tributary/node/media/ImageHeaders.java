package org.tributary.node.media;

/**
 * Reads an image's pixel size from its header and checks that the file's structure ends where the
 * format says it ends. Nothing is decoded, so a small file that claims huge dimensions costs nothing;
 * and bytes after the image's end (the usual place to hide a second file in a polyglot) are refused.
 */
final class ImageHeaders {
    private ImageHeaders() {
    }

    static Inspection png(ByteReader in) {
        // Signature (8), then IHDR: length 13, "IHDR", width, height, ...
        if (in.u32be(8) != 13 || !in.startsWith(12, "IHDR")) {
            return Inspection.unsupported("a PNG must begin with its IHDR chunk");
        }
        long width = in.u32be(16);
        long height = in.u32be(20);
        int offset = 8;
        while (true) {
            long length = in.u32be(offset);
            if (length < 0 || length > Integer.MAX_VALUE || !in.has(offset, (int) Math.min(length + 12, Integer.MAX_VALUE))) {
                return Inspection.unsupported("a PNG chunk runs past the end of the file");
            }
            boolean end = in.startsWith(offset + 4, "IEND");
            offset += (int) length + 12;
            if (end) {
                return offset == in.length() ? sized(DetectedType.PNG, width, height)
                        : Inspection.unsupported("data after the end of the PNG image");
            }
        }
    }

    static Inspection gif(ByteReader in) {
        int width = in.u16le(6);
        int height = in.u16le(8);
        if (in.u8(in.length() - 1) != 0x3B) {
            return Inspection.unsupported("a GIF must end with its trailer byte");
        }
        return sized(DetectedType.GIF, width, height);
    }

    static Inspection jpeg(ByteReader in) {
        if (!in.startsWith(in.length() - 2, 0xFF, 0xD9)) {
            return Inspection.unsupported("a JPEG must end with its end-of-image marker");
        }
        int offset = 2;
        while (in.has(offset, 4)) {
            if (in.u8(offset) != 0xFF) {
                return Inspection.unsupported("a JPEG segment does not start with a marker");
            }
            int marker = in.u8(offset + 1);
            if (marker == 0xFF) {
                offset++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                offset += 2; // markers without a length
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Inspection.unsupported("a JPEG reaches its image data before a frame header");
            }
            int length = in.u16be(offset + 2);
            if (length < 2) {
                return Inspection.unsupported("a JPEG segment has an impossible length");
            }
            if (isStartOfFrame(marker)) {
                return sized(DetectedType.JPEG, in.u16be(offset + 7), in.u16be(offset + 5));
            }
            offset += 2 + length;
        }
        return Inspection.unsupported("a JPEG without a frame header");
    }

    static Inspection webp(ByteReader in) {
        long riffSize = in.u32le(4);
        if (riffSize + 8 != in.length()) {
            return Inspection.unsupported("a WebP file's RIFF size must match the file");
        }
        if (in.startsWith(12, "VP8X")) {
            return sized(DetectedType.WEBP, in.u24le(24) + 1L, in.u24le(27) + 1L);
        }
        if (in.startsWith(12, "VP8L")) {
            if (in.u8(20) != 0x2F || !in.has(21, 4)) {
                return Inspection.unsupported("a lossless WebP without its signature");
            }
            long bits = in.u32le(21);
            return sized(DetectedType.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (in.startsWith(12, "VP8 ")) {
            if (!in.startsWith(23, 0x9D, 0x01, 0x2A)) {
                return Inspection.unsupported("a lossy WebP without its frame start code");
            }
            return sized(DetectedType.WEBP, in.u16le(26) & 0x3FFF, in.u16le(28) & 0x3FFF);
        }
        return Inspection.unsupported("a WebP file with an unknown first chunk");
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Inspection sized(DetectedType type, long width, long height) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Inspection.unsupported("an image without a usable width and height");
        }
        return new Inspection.Accepted(type, (int) width, (int) height);
    }
}
