package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final CsrfTokens tokens = new CsrfTokens(new SecureRandom(), clock);

    @Test
    void genuineTokenInFieldAndCookieIsAccepted() {
        String token = tokens.issue();
        assertTrue(tokens.verify(token, token));
    }

    @Test
    void mismatchedForgedOrExpiredTokensAreRefused() {
        String token = tokens.issue();
        assertFalse(tokens.verify(token, tokens.issue()));
        assertFalse(tokens.verify(token, null));
        assertFalse(tokens.verify(null, token));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertFalse(tokens.verify(forged, forged));
        assertFalse(tokens.verify("a.b", "a.b"));
        assertFalse(new CsrfTokens(new SecureRandom(), clock).verify(token, token), "another process's key");
        clock.advance(Duration.ofHours(1));
        assertFalse(tokens.verify(token, token));
    }
}
