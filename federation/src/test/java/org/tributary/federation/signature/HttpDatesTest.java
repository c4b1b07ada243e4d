package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed-position reading of IMF-fixdate agrees with the general RFC 1123 formatter on every input. */
class HttpDatesTest {

    @Test
    void readsWhatItWritesForInstantsAcrossFourCenturies() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L));
            String written = HttpDates.format(instant);
            assertEquals(Optional.of(instant), HttpDates.parse(written), written);
            assertEquals(reference(written), HttpDates.parse(written), written);
        }
    }

    @Test
    void agreesWithTheFormatterOnUnusualAndBrokenDates() {
        String[] inputs = {
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Mon, 06 Nov 1994 08:49:37 GMT",   // weekday does not match the date
            "Sun, 6 Nov 1994 08:49:37 GMT",    // one-digit day: not fixdate, but RFC 1123
            "Sun, 06 Nov 1994 08:49:37 +0000", // an offset instead of GMT
            "Sun, 31 Nov 1994 08:49:37 GMT",   // no such day
            "Sun, 06 Nov 1994 24:49:37 GMT",
            "Sun, 06 Nox 1994 08:49:37 GMT",
            "Sun, 06 ovN 1994 08:49:37 GMT",
            "Sun, 0x Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850: not accepted
            "Sun Nov  6 08:49:37 1994",        // asctime: not accepted
            "  Tue, 29 Feb 2028 23:59:59 GMT  ",
            "Wed, 29 Feb 2027 23:59:59 GMT",
            "",
        };
        for (String input : inputs) {
            assertEquals(reference(input.trim()), HttpDates.parse(input), input);
        }
        assertEquals(Optional.empty(), HttpDates.parse(null));
    }

    private static Optional<Instant> reference(String text) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
