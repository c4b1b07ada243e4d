package org.tributary.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tributary.node.account.Account;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

class AuthServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void aCorrectPasswordIssuesATokenThatResolvesToTheAccount() {
        String token = node.auth.login("alice", TestServices.PASSWORD, "read write");
        assertEquals(Optional.of(alice), node.auth.authenticate("Bearer " + token));
        assertEquals(alice, node.auth.require("bearer " + token), "the scheme is case-insensitive");
        assertNotEquals(token, node.auth.login("alice", TestServices.PASSWORD, "read"), "every login is a new token");
    }

    @Test
    void onlyAHashOfTheTokenIsStored() {
        String token = node.auth.login("alice", TestServices.PASSWORD, "read write");
        List<String> stored = node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT token_hash, scopes, created_at FROM access_tokens WHERE token_hash = ?",
                row -> row.getString(2) + "@" + Jdbc.instant(row, "created_at"), Hashes.sha256Hex(token)));
        assertEquals(List.of("read write@" + NOW), stored);
        long plain = node.database.inTransaction(connection -> Jdbc.count(connection,
                "SELECT COUNT(*) FROM access_tokens WHERE token_hash = ?", token));
        assertEquals(0, plain);
    }

    @Test
    void everyLoginFailureIsTheSameInvalidGrant() {
        node.accounts.ensureInstanceActor();
        node.employee("mallory");
        node.database.inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE accounts SET suspended = TRUE WHERE username = ?", "mallory"));

        assertInvalidGrant(() -> node.auth.login("nobody", TestServices.PASSWORD, "read"));
        assertInvalidGrant(() -> node.auth.login("alice", "wrong password", "read"));
        assertInvalidGrant(() -> node.auth.login("mallory", TestServices.PASSWORD, "read"));
        assertInvalidGrant(() -> node.auth.login(null, TestServices.PASSWORD, "read"));
        assertInvalidGrant(() -> node.auth.login("alice", null, "read"));
        assertInvalidGrant(() -> node.auth.login("_instance", TestServices.PASSWORD, "read"));
    }

    @Test
    void aSuspendedAccountsTokensStopWorking() {
        node.employee("sam");
        String token = node.auth.login("sam", TestServices.PASSWORD, "read");
        node.database.inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE accounts SET suspended = TRUE WHERE username = ?", "sam"));
        assertEquals(Optional.empty(), node.auth.authenticate("Bearer " + token));
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = node.auth.login("alice", TestServices.PASSWORD, "read");
        node.database.inTransactionVoid(connection -> node.tokens.revoke(connection, token, NOW));
        assertEquals(Optional.empty(), node.auth.authenticate("Bearer " + token));
        ApiException refused = assertThrows(ApiException.class, () -> node.auth.require("Bearer " + token));
        assertEquals(401, refused.status());
        assertEquals("unauthorized", refused.code());
    }

    @Test
    void headersWithoutAValidBearerTokenAreAnonymous() {
        String token = node.auth.login("alice", TestServices.PASSWORD, "read");
        assertEquals(Optional.empty(), node.auth.authenticate(null));
        assertEquals(Optional.empty(), node.auth.authenticate(""));
        assertEquals(Optional.empty(), node.auth.authenticate("Basic " + token));
        assertEquals(Optional.empty(), node.auth.authenticate("Bearer"));
        assertEquals(Optional.empty(), node.auth.authenticate("Bearer not-a-token"));
        assertTrue(node.auth.authenticate("Bearer  " + token + " ").isPresent(), "surrounding spaces are ignored");
    }

    private static void assertInvalidGrant(Executable login) {
        ApiException e = assertThrows(ApiException.class, login);
        assertEquals(400, e.status());
        assertEquals("invalid_grant", e.code());
        assertEquals("the username or password is wrong", e.getMessage());
    }
}
