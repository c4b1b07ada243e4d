package org.tributary.federation.signature;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import org.tributary.federation.text.AsciiDigits;

/**
 * The HTTP {@code Date} format (IMF-fixdate). We always write a two-digit day: Java's
 * {@code RFC_1123_DATE_TIME} writes {@code 5 Mar}, which Mastodon rejects as not RFC 2616 compliant.
 * Reading is lenient about the day's width, as a receiver should be.
 */
final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private HttpDates() {
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant a {@code Date} header names; empty if it is not an HTTP date. */
    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.trim();
        Optional<Instant> fixdate = parseFixdate(text);
        if (fixdate.isPresent()) {
            return fixdate;
        }
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The form nearly every sender uses ({@code Sun, 06 Nov 1994 08:49:37 GMT}), read at its fixed
     * positions: the general formatter cost as much per inbound request as the JSON parse (benchmark 1's
     * profile). Anything else, including a weekday that does not match the date, is left to the formatter.
     */
    private static Optional<Instant> parseFixdate(String text) {
        if (text.length() != 29 || !text.startsWith(", ", 3) || text.charAt(7) != ' ' || text.charAt(11) != ' '
                || text.charAt(16) != ' ' || text.charAt(19) != ':' || text.charAt(22) != ':'
                || !text.endsWith(" GMT")) {
            return Optional.empty();
        }
        int month = MONTHS.indexOf(text.substring(8, 11));
        int day = AsciiDigits.value(text, 5, 2);
        int year = AsciiDigits.value(text, 12, 4);
        int hour = AsciiDigits.value(text, 17, 2);
        int minute = AsciiDigits.value(text, 20, 2);
        int second = AsciiDigits.value(text, 23, 2);
        if (month < 0 || month % 3 != 0 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
            return Optional.empty();
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        String weekday = time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
        return weekday.equals(text.substring(0, 3)) ? Optional.of(time.toInstant(ZoneOffset.UTC)) : Optional.empty();
    }
}
