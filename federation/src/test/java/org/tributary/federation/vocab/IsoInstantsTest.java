package org.tributary.federation.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void everyTextReadsAsTheFormatterReadsIt() {
        List<String> texts = new ArrayList<>(List.of("2026-11-26T08:00:00Z", "2026-11-26T08:00:00.5Z",
                "2026-11-26T08:00:00.123Z", "2026-11-26T08:00:00.123456789Z", "2026-11-26T08:00:00.1234567890Z",
                "2026-11-26T08:00:00.Z", "2024-02-29T23:59:59Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T23:60:00Z",
                "2026-11-26T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2026-11-26t08:00:00z", "2026-11-26T08:00:00+01:00", "2026-11-26T08:00Z", "2026-11-26 08:00:00Z",
                "+12026-11-26T08:00:00Z", "2026-1-26T08:00:00Z", "2026-11-26T08:00:00", "", "Z"));
        Random random = new Random(3339);
        String alphabet = "0123456789-:T.Z+";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(texts.get(random.nextInt(4)));
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertEquals(byFormatter(text), byIsoInstants(text), text);
        }
    }

    private static String byFormatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toString();
        } catch (DateTimeParseException refused) {
            return "refused";
        }
    }

    private static String byIsoInstants(String text) {
        try {
            Instant instant = IsoInstants.parse(text);
            return instant.toString();
        } catch (DateTimeParseException refused) {
            return "refused";
        }
    }
}
