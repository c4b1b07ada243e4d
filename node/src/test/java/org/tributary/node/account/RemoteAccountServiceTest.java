package org.tributary.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.vocab.Actor;
import org.tributary.node.testing.TestServices;

/** Remote accounts are read once and kept in memory; an actor document that changes one is seen at once. */
class RemoteAccountServiceTest {
    private static TestServices node;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(Instant.parse("2026-03-05T09:15:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void anAccountKeptInMemoryFollowsTheActorsUpdates() {
        Account bob = node.remote("bob", "sales.example");
        assertEquals("bob", node.remoteAccounts.byUri(bob.uri()).displayName());
        assertEquals("bob", node.remoteAccounts.byUri(bob.uri()).displayName(), "kept");

        node.remoteAccounts.applyUpdate(actor(bob, "Bob B.", true)).orElseThrow();

        Account updated = node.remoteAccounts.byUri(bob.uri());
        assertEquals("Bob B.", updated.displayName());
        assertEquals(true, updated.locked());
        assertEquals(bob.id(), updated.id());
    }

    private static Actor actor(Account account, String name, boolean locked) {
        return new Actor(account.uri(), "Person", account.username(), name, "", account.inbox(), null,
                account.followers(), null, account.sharedInbox(), null, List.of(), locked, null);
    }
}
