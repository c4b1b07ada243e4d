package org.tributary.node.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small real files for media tests, made on the spot. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height, BufferedImage.TYPE_INT_ARGB, 1);
    }

    /** A PNG of random pixels: it does not compress, so its size is about width x height x 3 bytes. */
    public static byte[] noisyPng(int width, int height) {
        return image("png", width, height, BufferedImage.TYPE_INT_RGB, 7);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpg", width, height, BufferedImage.TYPE_INT_RGB, 1);
    }

    public static byte[] gif(int width, int height) {
        return image("gif", width, height, BufferedImage.TYPE_INT_RGB, 1);
    }

    /** A minimal, well-formed one-page PDF. */
    public static byte[] pdf() {
        return pdfWith("");
    }

    /** A PDF whose catalog carries the given extra entries (e.g. an action). */
    public static byte[] pdfWith(String catalogExtra) {
        String text = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R " + catalogExtra + " >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n"
                + "%%EOF\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A lossy-WebP container header (VP8X) declaring the canvas size; enough for header checks. */
    public static byte[] webp(int width, int height) {
        byte[] bytes = new byte[30];
        put(bytes, 0, "RIFF");
        putLe(bytes, 4, bytes.length - 8, 4);
        put(bytes, 8, "WEBP");
        put(bytes, 12, "VP8X");
        putLe(bytes, 16, 10, 4);
        putLe(bytes, 24, width - 1, 3);
        putLe(bytes, 27, height - 1, 3);
        return bytes;
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] image(String format, int width, int height, int type, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, seed == 1 ? 0xFF3366CC : random.nextInt() | 0xFF000000);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(byte[] bytes, int offset, String ascii) {
        byte[] text = ascii(ascii);
        System.arraycopy(text, 0, bytes, offset, text.length);
    }

    private static void putLe(byte[] bytes, int offset, long value, int count) {
        for (int i = 0; i < count; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
