package org.tributary.node.post;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.http.ApiException;
import org.tributary.node.store.Jdbc;
import org.tributary.node.testing.TestServices;

class PostServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;

    /**
     * Alice is followed by two colleagues on sales, one on engineering, one on a node that is not
     * allowlisted, and one on her own node.
     */
    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        node.peers.add("sales.example", "");
        node.peers.add("engineering.example", "");
        alice = node.employee("alice");
        List<Account> followers = List.of(node.remote("bob", "sales.example"), node.remote("sasha", "sales.example"),
                node.remote("erin", "engineering.example"), node.remote("eve", "elsewhere.example"),
                node.employee("frank"));
        node.database.inTransactionVoid(connection -> {
            for (Account follower : followers) {
                long id = node.ids.next();
                node.followStore.insert(connection, new Follow(id, follower.id(), alice.id(),
                        URI.create(follower.uri() + "/follows/" + id), FollowState.ACCEPTED, NOW));
            }
        });
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\n"})
    void refusesAnEmptyPost(String text) {
        long before = node.posts.countLocal();
        ApiException e = assertThrows(ApiException.class, () -> node.posts.post(alice, text, Visibility.ORGANIZATION));
        assertEquals(400, e.status());
        assertEquals("empty_status", e.code());
        assertEquals(before, node.posts.countLocal());
    }

    @Test
    void refusesAPostOverTheLimitAndAcceptsOneAtIt() {
        ApiException e = assertThrows(ApiException.class, () -> node.posts.post(alice,
                "x".repeat(PostService.MAX_CHARACTERS + 1), Visibility.DEPARTMENT));
        assertEquals(422, e.status());
        assertEquals("status_too_long", e.code());

        Status atTheLimit = node.posts.post(alice, "x".repeat(PostService.MAX_CHARACTERS), Visibility.DEPARTMENT);
        assertEquals("<p>" + "x".repeat(PostService.MAX_CHARACTERS) + "</p>", atTheLimit.contentHtml());
    }

    @Test
    void storesTheFormattedPostUnderTheAuthorsUri() {
        Status status = node.posts.post(alice, "Q3 <numbers>\nare in", Visibility.DEPARTMENT);

        assertEquals(URI.create("https://finance.example/users/alice/statuses/" + status.id()), status.uri());
        assertEquals("<p>Q3 &lt;numbers&gt;<br>are in</p>", status.contentHtml());
        assertEquals(alice.id(), status.accountId());
        assertTrue(status.local());
        assertEquals(NOW, status.createdAt());
        assertEquals(Optional.of(status), node.posts.find(status.id()));
        assertTrue(node.posts.byAccount(alice, List.of(Visibility.DEPARTMENT), Page.latest(40)).contains(status));
        assertTrue(node.posts.byAccount(alice, List.of(Visibility.ORGANIZATION), Page.latest(40)).stream()
                .noneMatch(found -> found.id() == status.id()));
    }

    @Test
    void anOrganizationPostIsQueuedOncePerAllowlistedPeerNode() {
        Status status = node.posts.post(alice, "hello everyone", Visibility.ORGANIZATION);

        assertEquals(List.of("https://engineering.example/inbox", "https://sales.example/inbox"), inboxesFor(status));
        JsonObject create = node.codec.parse(bodiesFor(status).get(0));
        assertEquals("Create", create.getString("type"));
        assertEquals(alice.uri().toString(), create.getString("actor"));
        assertEquals(status.uri().toString(), create.getJsonObject("object").getString("id"));
        assertEquals("https://www.w3.org/ns/activitystreams#Public", create.getJsonArray("to").getString(0));
    }

    @Test
    void aFollowersPostIsQueuedToo() {
        Status status = node.posts.post(alice, "for my followers", Visibility.FOLLOWERS);
        assertEquals(List.of("https://engineering.example/inbox", "https://sales.example/inbox"), inboxesFor(status));
        JsonObject create = node.codec.parse(bodiesFor(status).get(0));
        assertEquals(alice.followers().toString(), create.getJsonArray("to").getString(0));
    }

    @Test
    void departmentAndDirectPostsNeverLeaveTheNode() {
        assertEquals(List.of(), inboxesFor(node.posts.post(alice, "finance only", Visibility.DEPARTMENT)));
        assertEquals(List.of(), inboxesFor(node.posts.post(alice, "just me", Visibility.DIRECT)));
    }

    private static List<String> inboxesFor(Status status) {
        return node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT inbox_uri FROM deliveries WHERE activity_id = ? AND state = 'queued' ORDER BY inbox_uri",
                row -> row.getString(1), status.uri() + "/activity"));
    }

    private static List<byte[]> bodiesFor(Status status) {
        return node.database.inTransaction(connection -> Jdbc.query(connection,
                "SELECT body FROM deliveries WHERE activity_id = ?", row -> row.getBytes(1),
                status.uri() + "/activity"));
    }
}
