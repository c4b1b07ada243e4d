package org.tributary.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    private static final String PASSWORD = "correct horse battery";
    /** Cheap parameters keep the suite fast; the default ones are exercised once below. */
    private final PasswordHasher cheap = new PasswordHasher(new SecureRandom(), 1024, 1, 1);

    @Test
    void defaultParametersAreOwaspsMinimumAndRoundTrip() {
        PasswordHasher hasher = new PasswordHasher(new SecureRandom());
        String stored = hasher.hash(PASSWORD);
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(hasher.matches(PASSWORD, stored));
        assertFalse(hasher.matches("correct horse battery!", stored));
    }

    @Test
    void saltsEveryHash() {
        String first = cheap.hash(PASSWORD);
        String second = cheap.hash(PASSWORD);
        assertNotEquals(first, second);
        assertTrue(cheap.matches(PASSWORD, first));
        assertTrue(cheap.matches(PASSWORD, second));
    }

    @Test
    void wrongPasswordsDoNotMatch() {
        String stored = cheap.hash(PASSWORD);
        assertFalse(cheap.matches("", stored));
        assertFalse(cheap.matches("Correct horse battery", stored));
    }

    @Test
    void parametersAreReadBackFromTheStoredString() {
        String storedWithOldParameters = new PasswordHasher(new SecureRandom(), 2048, 3, 2).hash(PASSWORD);
        assertTrue(storedWithOldParameters.startsWith("$argon2id$v=19$m=2048,t=3,p=2$"), storedWithOldParameters);
        assertTrue(cheap.matches(PASSWORD, storedWithOldParameters),
                "a hasher with other defaults still checks hashes made with older parameters");
        assertFalse(cheap.matches(PASSWORD, storedWithOldParameters.replace("t=3", "t=2")),
                "the parameters are part of what is checked");
    }

    @Test
    void aTamperedHashDoesNotMatch() {
        String stored = cheap.hash(PASSWORD);
        int last = stored.length() - 1;
        char flipped = stored.charAt(last - 3) == 'A' ? 'B' : 'A';
        String tampered = stored.substring(0, last - 3) + flipped + stored.substring(last - 2);
        assertFalse(cheap.matches(PASSWORD, tampered));
        String otherSalt = stored.replaceFirst("\\$[^$]+\\$([^$]+)$", "\\$AAAAAAAAAAAAAAAAAAAAAA\\$$1");
        assertFalse(cheap.matches(PASSWORD, otherSalt));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain-text-password",
        "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA",
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA$extra",
        "$argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$x=1,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=1$!!!not base64!!!$aGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$***",
        "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=1024,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=-5,t=-1,p=-1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=1$$aGFzaA",
        "$argon2id$v=19$m=2147483647,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$argon2id$v=19$m=1024,t=2147483647,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
    })
    void malformedStoredStringsAreRefusedWithoutThrowing(String stored) {
        assertFalse(cheap.matches(PASSWORD, stored));
    }

    @Test
    void aMissingStoredHashIsRefused() {
        assertFalse(cheap.matches(PASSWORD, null));
    }

    @Test
    void theHashHasTheDocumentedShape() {
        String[] parts = cheap.hash(PASSWORD).split("\\$");
        assertEquals(6, parts.length);
        assertEquals(22, parts[4].length(), "16 salt bytes, unpadded base64");
        assertEquals(43, parts[5].length(), "32 hash bytes, unpadded base64");
    }
}
