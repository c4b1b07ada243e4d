package org.tributary.node.follow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.store.Database;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

/** Whether an account has followers is remembered between reads, and forgotten by every write of a follow. */
class FollowStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static TestServices node;
    private static Account alice;
    private static Account bob;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
        bob = node.remote("bob", "sales.example");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @BeforeEach
    void startFromNoFollows() {
        node.resetSocialState();
    }

    @Test
    void anAnswerIsRememberedUntilAFollowIsWrittenThroughTheStore() {
        assertFalse(store().hasFollowers(bob.id()));
        // Written behind the store's back: the remembered answer stands, so no probe was made.
        database().inTransactionVoid(connection -> Jdbc.update(connection, "INSERT INTO follows (id, follower_id, "
                + "target_id, activity_uri, state, created_at) VALUES (?,?,?,?,?,?)", node.ids.next(), alice.id(),
                bob.id(), "https://finance.example/follows/raw", "accepted", NOW));
        assertFalse(store().hasFollowers(bob.id()), "remembered");
        database().inTransactionVoid(connection -> Jdbc.update(connection, "DELETE FROM follows"));

        database().inTransactionVoid(connection -> store().insert(connection, follow(FollowState.ACCEPTED)));

        assertTrue(store().hasFollowers(bob.id()), "forgotten at the write: asked again");
    }

    @Test
    void aFollowRequestCountsOnceAcceptedAndNoLongerOnceDeleted() {
        Follow request = follow(FollowState.PENDING);
        database().inTransactionVoid(connection -> store().insert(connection, request));
        assertFalse(store().hasFollowers(bob.id()), "a request is not a follower");

        database().inTransactionVoid(connection -> store().setState(connection, request.id(), FollowState.ACCEPTED));
        assertTrue(store().hasFollowers(bob.id()));

        database().inTransactionVoid(connection -> store().delete(connection, alice.id(), bob.id()));
        assertFalse(store().hasFollowers(bob.id()));
    }

    @Test
    void anAnswerReadInATransactionThatRolledBackIsForgotten() {
        assertThrows(IllegalStateException.class, () -> database().inTransactionVoid(connection -> {
            store().insert(connection, follow(FollowState.ACCEPTED));
            assertTrue(store().hasFollowers(connection, bob.id()), "the transaction sees its own follow");
            throw new IllegalStateException("rolled back");
        }));

        assertFalse(store().hasFollowers(bob.id()));
    }

    private static Follow follow(FollowState state) {
        return new Follow(node.ids.next(), alice.id(), bob.id(), URI.create("https://finance.example/follows/1"),
                state, NOW);
    }

    private static FollowStore store() {
        return node.followStore;
    }

    private static Database database() {
        return node.database;
    }
}
