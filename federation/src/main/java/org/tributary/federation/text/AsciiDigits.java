package org.tributary.federation.text;

/** Numbers written at fixed positions, for the parsers that read dates without a formatter. */
public final class AsciiDigits {
    private AsciiDigits() {
    }

    /** The non-negative number written with exactly {@code count} ASCII digits at {@code from}, or -1. */
    public static int value(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
