package org.tributary.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.http.HttpRequestParts;

/** Component values in cavage signing strings and RFC 9421 signature bases, and the Date format. */
class SigningInputsTest {
    private static final HttpRequestParts REQUEST = new HttpRequestParts("POST",
            URI.create("https://B.Example:443/a%20b/inbox?x=1&y=%2F#frag"),
            HeaderMap.of(Map.of(
                    "Host", List.of("b.example"),
                    "Cache-Control", List.of("max-age=60", "  must-revalidate"),
                    "Example-Dict", List.of(" a=1,    b=2;x=1;y=2,   c=(a   b   c)"))),
            new byte[0]);

    @Test
    void dateIsWrittenWithATwoDigitDayInGmt() {
        assertEquals("Thu, 05 Mar 2026 09:07:03 GMT", HttpDates.format(Instant.parse("2026-03-05T09:07:03Z")));
        assertEquals(Optional.of(Instant.parse("2026-03-05T09:07:03Z")), HttpDates.parse("Thu, 5 Mar 2026 09:07:03 GMT"));
        assertEquals(Optional.empty(), HttpDates.parse("2026-03-05"));
    }

    @Test
    void cavageRequestTargetAndRepeatedHeaders() throws SignatureFailure {
        assertEquals("(request-target): post /a%20b/inbox?x=1&y=%2F\nhost: b.example\ncache-control: max-age=60, must-revalidate",
                CavageSigningString.build(REQUEST, List.of("(request-target)", "host", "cache-control"),
                        OptionalLong.empty(), OptionalLong.empty()));
    }

    @Test
    void cavageCreatedAndExpiresPseudoHeaders() throws SignatureFailure {
        assertEquals("(created): 1402170695\n(expires): 1402170699", CavageSigningString.build(REQUEST,
                List.of("(created)", "(expires)"), OptionalLong.of(1402170695), OptionalLong.of(1402170699)));
        assertThrows(SignatureFailure.class, () -> CavageSigningString.build(REQUEST, List.of("(created)"),
                OptionalLong.empty(), OptionalLong.empty()));
        assertThrows(SignatureFailure.class, () -> CavageSigningString.build(REQUEST, List.of("digest"),
                OptionalLong.empty(), OptionalLong.empty()));
    }

    @Test
    void rfc9421DerivedComponents() throws SignatureFailure {
        assertEquals("""
                "@method": POST
                "@target-uri": https://b.example/a%20b/inbox?x=1&y=%2F
                "@authority": b.example
                "@scheme": https
                "@path": /a%20b/inbox
                "@query": ?x=1&y=%2F
                "@request-target": /a%20b/inbox?x=1&y=%2F
                "@signature-params": ("@method" "@target-uri" "@authority" "@scheme" "@path" "@query" "@request-target");created=1""",
                base(REQUEST, "(\"@method\" \"@target-uri\" \"@authority\" \"@scheme\" \"@path\" \"@query\" \"@request-target\");created=1"));
    }

    @Test
    void rfc9421EmptyQueryIsAQuestionMark() throws SignatureFailure {
        HttpRequestParts noQuery = new HttpRequestParts("GET", URI.create("http://b.example:8080"), HeaderMap.empty(), null);

        assertEquals("\"@query\": ?\n\"@path\": /\n\"@authority\": b.example:8080\n\"@signature-params\": (\"@query\" \"@path\" \"@authority\")",
                base(noQuery, "(\"@query\" \"@path\" \"@authority\")"));
    }

    @Test
    void rfc9421FieldParameters() throws SignatureFailure {
        // RFC 9421 §2.1, §2.1.1, §2.1.2 and §2.1.3 examples.
        assertEquals("\"cache-control\": max-age=60, must-revalidate\n\"example-dict\";key=\"b\": 2;x=1;y=2\n"
                + "\"cache-control\";bs: :bWF4LWFnZT02MA==:, :bXVzdC1yZXZhbGlkYXRl:\n"
                + "\"@signature-params\": (\"cache-control\" \"example-dict\";key=\"b\" \"cache-control\";bs)",
                base(REQUEST, "(\"cache-control\" \"example-dict\";key=\"b\" \"cache-control\";bs)"));
    }

    @Test
    void rfc9421RejectsWhatItCannotDerive() {
        for (String input : List.of("(\"@status\")", "(\"@query-param\";name=\"x\")", "(\"@method\";req)",
                "(\"missing-header\")", "(\"@method\" \"@method\")", "(\"example-dict\";key=\"zz\")",
                "(\"cache-control\";sf)", "(\"cache-control\";tr)", "(\"Host\")", "(\"example-dict\";bs;sf)")) {
            assertThrows(SignatureFailure.class, () -> base(REQUEST, input), input);
        }
    }

    private static String base(HttpRequestParts request, String innerList) throws SignatureFailure {
        try {
            return Rfc9421SignatureBase.build(request,
                    (StructuredFields.InnerList) StructuredFieldParser.parseDictionary("s=" + innerList).get("s"));
        } catch (StructuredFieldParser.MalformedFieldException e) {
            throw new AssertionError(e);
        }
    }
}
