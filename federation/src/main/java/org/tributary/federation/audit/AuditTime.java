package org.tributary.federation.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one text form of an instant in signed and hashed audit data: RFC 3339 in UTC with exactly three
 * fractional digits, e.g. {@code 2025-03-05T09:04:01.250Z}. A fixed width keeps the bytes that were signed
 * reproducible from a parsed value (unlike {@link Instant#toString()}, which drops trailing zeros).
 */
final class AuditTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditTime() {
    }

    /** Audit data keeps millisecond precision; finer digits are dropped so encoding is lossless. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static String format(Instant instant) {
        if (instant.isBefore(Instant.EPOCH) || instant.getEpochSecond() > 253_402_300_799L) {
            throw new AuditFormatException("timestamp out of range 1970..9999: " + instant);
        }
        return FORMAT.format(instant);
    }

    /** Parses the canonical form only; any other spelling of the same instant is rejected. */
    static Instant parse(String text) {
        try {
            Instant instant = Instant.parse(text);
            if (!format(instant).equals(text)) {
                throw new AuditFormatException("timestamp is not in the form 2025-03-05T09:04:01.250Z: " + text);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new AuditFormatException("not a timestamp: " + text, e);
        }
    }
}
