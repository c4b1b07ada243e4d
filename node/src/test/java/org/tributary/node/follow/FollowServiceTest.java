package org.tributary.node.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

class FollowServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;
    private static Account frank;
    private static Account bob;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        node.peers.add("sales.example", "");
        alice = node.employee("alice");
        frank = node.employee("frank");
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
    void followingAColleagueOnThisNodeIsAcceptedAtOnce() {
        Follow follow = node.follows.follow(alice, frank);

        assertEquals(FollowState.ACCEPTED, follow.state());
        assertEquals(URI.create("https://finance.example/users/alice/follows/" + follow.id()), follow.activityUri());
        assertEquals(List.of(alice), node.follows.followers(frank));
        assertEquals(List.of(frank), node.follows.following(alice));
        assertEquals(0, deliveries().size(), "nothing leaves the node");
    }

    @Test
    void aLockedLocalAccountGetsAPendingFollow() {
        node.database.inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE accounts SET locked = TRUE WHERE id = ?", frank.id()));
        Account locked = node.accounts.findById(frank.id()).orElseThrow();

        assertEquals(FollowState.PENDING, node.follows.follow(alice, locked).state());
        assertEquals(List.of(), node.follows.followers(locked), "pending followers are not followers");
    }

    @Test
    void followingARemoteColleagueIsPendingAndQueuesExactlyOneFollow() {
        Follow follow = node.follows.follow(alice, bob);

        assertEquals(FollowState.PENDING, follow.state());
        assertEquals(Optional.of(follow), node.follows.relation(alice, bob));
        List<JsonObject> queued = deliveries();
        assertEquals(1, queued.size());
        JsonObject activity = queued.get(0);
        assertEquals("Follow", activity.getString("type"));
        assertEquals(follow.activityUri().toString(), activity.getString("id"));
        assertEquals(alice.uri().toString(), activity.getString("actor"));
        assertEquals(bob.uri().toString(), activity.getString("object"));
        assertEquals(List.of("https://sales.example/inbox"), deliveryInboxes());

        assertEquals(follow, node.follows.follow(alice, bob), "following again changes nothing");
        assertEquals(1, deliveries().size());
    }

    @Test
    void unfollowingARemoteColleagueQueuesAnUndoOfTheOriginalFollow() {
        Follow follow = node.follows.follow(alice, bob);
        node.follows.unfollow(alice, bob);

        assertEquals(Optional.empty(), node.follows.relation(alice, bob));
        List<JsonObject> queued = deliveries();
        assertEquals(2, queued.size());
        JsonObject undo = queued.get(1);
        assertEquals("Undo", undo.getString("type"));
        assertEquals(alice.uri().toString(), undo.getString("actor"));
        assertEquals(follow.activityUri().toString(), undo.getJsonObject("object").getString("id"));
        assertEquals("Follow", undo.getJsonObject("object").getString("type"));

        node.follows.unfollow(alice, bob);
        assertEquals(2, deliveries().size(), "unfollowing twice sends nothing more");
    }

    @Test
    void unfollowingALocalColleagueSendsNothing() {
        node.follows.follow(alice, frank);
        node.follows.unfollow(alice, frank);
        assertEquals(List.of(), node.follows.followers(frank));
        assertEquals(0, deliveries().size());
    }

    @Test
    void nobodyFollowsThemselves() {
        ApiException e = assertThrows(ApiException.class, () -> node.follows.follow(alice, alice));
        assertEquals(400, e.status());
        assertEquals("self_follow", e.code());
    }

    @Test
    void anAcceptedFollowIsFoundByItsActivityId() {
        Follow follow = node.follows.follow(alice, bob);
        node.database.inTransactionVoid(connection -> node.followStore.setState(connection, follow.id(),
                FollowState.ACCEPTED));
        Follow accepted = node.database.inTransaction(connection -> node.followStore.findByActivity(connection,
                follow.activityUri())).orElseThrow();
        assertEquals(FollowState.ACCEPTED, accepted.state());
        assertEquals(List.of(bob), node.follows.following(alice));
        assertTrue(node.follows.followers(alice).isEmpty());
    }

    private List<JsonObject> deliveries() {
        return node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT body FROM deliveries ORDER BY id", row -> node.codec.parse(row.getBytes(1))));
    }

    private List<String> deliveryInboxes() {
        return node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT inbox_uri FROM deliveries ORDER BY id", row -> row.getString(1)));
    }
}
