package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredScopesTest {
    private final RequiredScopes scopes = new RequiredScopes();

    @Test
    void mapsEndpointsToMastodonsScopes() {
        assertEquals(Optional.of("write:statuses"), scopes.of("POST", "/api/v1/statuses"));
        assertEquals(Optional.of("write:favourites"), scopes.of("POST", "api/v1/statuses/12/favourite"));
        assertEquals(Optional.of("write:follows"), scopes.of("POST", "api/v1/accounts/12/follow"));
        assertEquals(Optional.of("read:follows"), scopes.of("GET", "api/v1/accounts/relationships"));
        assertEquals(Optional.of("read:accounts"), scopes.of("GET", "api/v1/accounts/12/statuses"));
        assertEquals(Optional.of("profile"), scopes.of("GET", "api/v1/accounts/verify_credentials"));
        assertEquals(Optional.of("write:accounts"), scopes.of("PATCH", "api/v1/accounts/update_credentials"));
        assertEquals(Optional.of("read:statuses"), scopes.of("GET", "api/v1/timelines/public"));
        assertEquals(Optional.of("write:statuses"), scopes.of("POST", "api/v1/markers"));
    }

    @Test
    void theAuditApiNeedsAdminReadEvenForItsReadOnlyPost() {
        assertEquals(Optional.of("admin:read"), scopes.of("GET", "api/v1/admin/audit/entries"));
        assertEquals(Optional.of("admin:read"), scopes.of("POST", "/api/v1/admin/audit/sparql"));
        assertEquals(Optional.of("read"), scopes.of("GET", "api/v1/admin/something_else"));
    }

    @Test
    void publicEndpointsNeedNoScopeAndUnlistedOnesNeedReadOrWrite() {
        assertEquals(Optional.empty(), scopes.of("POST", "api/v1/apps"));
        assertEquals(Optional.empty(), scopes.of("GET", "api/v2/instance"));
        assertEquals(Optional.empty(), scopes.of("GET", "users/alice"));
        assertEquals(Optional.of("read"), scopes.of("GET", "api/v1/something_new"));
        assertEquals(Optional.of("write"), scopes.of("DELETE", "api/v1/something_new/1"));
    }
}
