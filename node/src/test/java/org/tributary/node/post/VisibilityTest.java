package org.tributary.node.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisibilityTest {

    @ParameterizedTest
    @CsvSource({
        "public, ORGANIZATION", "unlisted, ORGANIZATION", "Organization, ORGANIZATION",
        "local, DEPARTMENT", "department, DEPARTMENT",
        "private, FOLLOWERS", "followers, FOLLOWERS",
        "DIRECT, DIRECT",
    })
    void mapsMastodonWordsAndOursOntoOurLevels(String word, Visibility expected) {
        assertEquals(expected, Visibility.parse(word));
    }

    @Test
    void anUnknownWordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Visibility.parse("everyone"));
    }

    @Test
    void eachLevelHasAMastodonNameThatParsesBackToIt() {
        for (Visibility level : Visibility.values()) {
            assertEquals(level, Visibility.parse(level.mastodonName()));
        }
    }
}
