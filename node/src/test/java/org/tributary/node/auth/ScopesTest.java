package org.tributary.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopesTest {
    @Test
    void parsesSpacesAndPlusesAndFallsBackWhenBlank() {
        assertEquals(Scopes.of("read", "write:statuses"), Scopes.parse("read+write:statuses", Scopes.of("x")));
        assertEquals(Scopes.of("read"), Scopes.parse("  ", Scopes.of("read")));
        assertEquals("follow read write", Scopes.parse("write read follow", Scopes.of()).toString());
    }

    @Test
    void refusesUnknownScopes() {
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("read admin", Scopes.of()));
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("read:everything", Scopes.of()));
    }

    @Test
    void topLevelScopesCoverTheirSubScopesAndFollowCoversRelationships() {
        Scopes read = Scopes.of("read");
        assertTrue(read.allows("read:statuses"));
        assertFalse(read.allows("write:statuses"));
        assertTrue(Scopes.of("follow").allows("write:follows"));
        assertFalse(Scopes.of("follow").allows("write:statuses"));
        assertFalse(Scopes.of("read:statuses").allows("read"));
        assertTrue(Scopes.of("profile").allows("profile"));
        assertTrue(Scopes.of("read:accounts").allows("profile"));
        assertFalse(Scopes.of("profile").allows("read:accounts"));
    }

    @Test
    void adminReadIsKnownAndGrantedByItselfOrByRead() {
        assertEquals(Scopes.of("admin:read"), Scopes.parse("admin:read", Scopes.of()));
        assertThrows(IllegalArgumentException.class, () -> Scopes.parse("admin:write", Scopes.of()));
        assertTrue(Scopes.of("admin:read").allows("admin:read"));
        assertTrue(Scopes.of("read").allows("admin:read"));
        assertFalse(Scopes.of("read:statuses").allows("admin:read"));
        assertFalse(Scopes.of("write").allows("admin:read"));
        assertFalse(Scopes.of("admin:read").allows("read"));
        assertFalse(Scopes.of("admin:read").allows("read:statuses"));
    }

    @Test
    void requestedScopesMustStayWithinTheApp() {
        assertTrue(Scopes.of("read:statuses", "write:follows").isWithin(Scopes.of("read", "follow")));
        assertFalse(Scopes.of("read", "write").isWithin(Scopes.of("read")));
        assertFalse(Scopes.of("read").isWithin(Scopes.of("read:statuses")));
    }
}
