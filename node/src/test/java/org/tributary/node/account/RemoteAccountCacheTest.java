package org.tributary.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteAccountCacheTest {
    private final RemoteAccountCache cache = new RemoteAccountCache(2);

    private static Account account(String username, String authority) {
        URI actor = URI.create("https://" + (authority.isEmpty() ? "finance.example" : authority) + "/users/" + username);
        return new Account(username.hashCode(), username, authority, actor, username, "", URI.create(actor + "/inbox"),
                null, URI.create(actor + "/followers"), false, Role.EMPLOYEE, false, Instant.EPOCH);
    }

    @Test
    void aRowReadIsKeptUntilAWriteIsInvalidated() {
        Account bob = account("bob", "sales.example");
        cache.putIfCurrent(bob.uri(), bob, cache.generation());
        assertEquals(Optional.of(bob), cache.get(bob.uri()));

        cache.invalidate();

        assertTrue(cache.get(bob.uri()).isEmpty());
    }

    @Test
    void localAccountsAreNotKept() {
        Account alice = account("alice", "");
        cache.putIfCurrent(alice.uri(), alice, cache.generation());
        assertTrue(cache.get(alice.uri()).isEmpty(), "their rows change elsewhere (profile, suspension, role)");
    }
}
