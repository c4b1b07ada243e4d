package org.tributary.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void defaultPortsAndCaseDoNotMakeADifference() {
        assertTrue(Origin.same(URI.create("https://Sales.Example.com/users/bob"), URI.create("https://sales.example.com:443/x")));
        assertTrue(Origin.same(URI.create("http://127.0.0.1:8080/a"), URI.create("http://127.0.0.1:8080/b")));
    }

    @Test
    void portSchemeAndHostEachMakeAnotherOrigin() {
        assertFalse(Origin.same(URI.create("https://a.example/x"), URI.create("https://a.example:8443/x")));
        assertFalse(Origin.same(URI.create("http://a.example/x"), URI.create("https://a.example/x")));
        assertFalse(Origin.same(URI.create("https://a.example/x"), URI.create("https://b.example/x")));
        assertFalse(Origin.same(URI.create("https://a.example.evil/x"), URI.create("https://a.example/x")));
    }

    @Test
    void onlyAbsoluteHttpUrisHaveAnOrigin() {
        assertTrue(Origin.of(URI.create("ftp://a.example/x")).isEmpty());
        assertTrue(Origin.of(URI.create("/relative")).isEmpty());
        assertTrue(Origin.of(URI.create("urn:uuid:1234")).isEmpty());
        assertEquals(new Origin("https", "a.example", 443), Origin.of(URI.create("HTTPS://A.example/")).orElseThrow());
    }

    @Test
    void oddHostFormsHaveNoOrigin() {
        // java.net.URI does not treat a non-ASCII authority as a host, so such ids are refused outright.
        assertTrue(Origin.of(URI.create("https://b\u00fccher.example/x")).isEmpty());
        assertTrue(Origin.of(URI.create("https://under_score.example/x")).isEmpty());
    }

    @Test
    void ordinaryHostNamesGetWhatIdnGivesThemWithoutAskingIt() {
        List<String> hosts = new ArrayList<>(List.of("sales.example.com", "Sales.EXAMPLE.com", "127.0.0.1", "a",
                "xn--bcher-kva.example", "a-b.c-d", "-a.example", "a-.example", "a..example", ".a.example",
                "a.example.", "under_score.example", "b\u00fccher.example", "a b.example", "[::1]", "",
                "x".repeat(63) + ".example", "x".repeat(64) + ".example", ("y".repeat(60) + ".").repeat(5) + "z"));
        Random random = new Random(9421);
        String alphabet = "aZ09-._\u00fc";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder host = new StringBuilder();
            for (int length = 1 + random.nextInt(12); length > 0; length--) {
                host.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            hosts.add(host.toString());
        }
        for (String host : hosts) {
            assertEquals(byIdn(host), Origin.asciiHost(host), host);
        }
    }

    private static String byIdn(String host) {
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }
}
