package org.tributary.node.media;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Looks for content a browser or viewer could run: HTML/SVG markup that would let a file pass as a
 * page (a polyglot), and PDF actions. Browsers sniff the first bytes, so short markers are looked for
 * there; across the whole file only markers long enough not to turn up by chance in compressed data.
 * This is a second line of defence: the first is serving with the detected type, {@code nosniff} and a
 * sandboxing Content-Security-Policy.
 */
final class ActiveContentScan {
    /** How far browsers look when they sniff a type. */
    static final int SNIFF_WINDOW = 1024;

    private static final List<String> HEAD_MARKERS = List.of("<svg", "<html", "<script", "<!doctype", "<body",
            "<head", "<iframe", "<object", "<embed", "<meta", "<link", "<style");
    private static final List<String> ANYWHERE_MARKERS = List.of("<script", "<html", "<iframe", "javascript:");
    /** PDF names that run code, open other files or carry files; followed by a PDF delimiter. */
    private static final List<String> PDF_ACTIONS = List.of("/javascript", "/js", "/launch", "/embeddedfile",
            "/richmedia", "/xfa", "/submitform", "/importdata", "/gotoe");

    private ActiveContentScan() {
    }

    /** The first marker found, or null when there is none. */
    static String markup(byte[] bytes) {
        String head = lowerAscii(bytes, 0, Math.min(bytes.length, SNIFF_WINDOW));
        for (String marker : HEAD_MARKERS) {
            if (head.contains(marker)) {
                return marker;
            }
        }
        String all = lowerAscii(bytes, 0, bytes.length);
        for (String marker : ANYWHERE_MARKERS) {
            if (all.contains(marker)) {
                return marker;
            }
        }
        return null;
    }

    /** The first PDF action name found, or null. Names written with {@code #xx} escapes are decoded first. */
    static String pdfAction(byte[] bytes) {
        String text = decodeNameEscapes(lowerAscii(bytes, 0, bytes.length));
        for (String name : PDF_ACTIONS) {
            int at = text.indexOf(name);
            while (at >= 0) {
                int after = at + name.length();
                if (after >= text.length() || isDelimiter(text.charAt(after))) {
                    return name;
                }
                at = text.indexOf(name, after);
            }
        }
        return null;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "()<>[]{}/%".indexOf(c) >= 0 || c == 0;
    }

    /** {@code /J#61vaScript} is {@code /JavaScript} to a PDF reader, so it must be to us too. */
    private static String decodeNameEscapes(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.append(Character.toLowerCase((char) Integer.parseInt(text.substring(i + 1, i + 3), 16)));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String lowerAscii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
