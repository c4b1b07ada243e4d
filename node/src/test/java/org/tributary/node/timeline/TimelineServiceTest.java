package org.tributary.node.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.TestServices;

/** The home timeline and the rule for who may read a single post. */
class TimelineServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;
    private static Account frank;
    private static Account grace;
    private static Account bob;
    private static Account sasha;
    private static StatusVisibility visibility;

    /** Alice follows frank (local) and bob (remote, accepted); her follow of sasha is still pending. */
    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
        frank = node.employee("frank");
        grace = node.employee("grace");
        bob = node.remote("bob", "sales.example");
        sasha = node.remote("sasha", "sales.example");
        node.follows.follow(alice, frank);
        follow(alice, bob, FollowState.ACCEPTED);
        follow(alice, sasha, FollowState.PENDING);
        visibility = node.visibility;
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void homeHasOwnAndFollowedPostsButNotOthersDirectPosts() {
        Status own = node.posts.post(alice, "mine", Visibility.ORGANIZATION);
        Status ownDirect = node.posts.post(alice, "note to self", Visibility.DIRECT);
        Status frankPublic = node.posts.post(frank, "frank public", Visibility.ORGANIZATION);
        Status frankDepartment = node.posts.post(frank, "frank department", Visibility.DEPARTMENT);
        Status frankDirect = node.posts.post(frank, "frank direct", Visibility.DIRECT);
        Status bobFollowers = remotePost(bob, Visibility.FOLLOWERS);
        Status bobDirect = remotePost(bob, Visibility.DIRECT);
        Status sashaPublic = remotePost(sasha, Visibility.ORGANIZATION);
        Status gracePublic = node.posts.post(grace, "grace public", Visibility.ORGANIZATION);

        List<Status> home = node.timelines.home(alice, Page.latest(40));

        assertEquals(List.of(bobFollowers, frankDepartment, frankPublic, ownDirect, own), home,
                "newest first; no direct posts of others, nothing from pending follows or strangers");
        assertFalse(home.contains(frankDirect));
        assertFalse(home.contains(bobDirect));
        assertFalse(home.contains(sashaPublic));
        assertFalse(home.contains(gracePublic));
        assertEquals(List.of(gracePublic), node.timelines.home(grace, Page.latest(40)));
    }

    @Test
    void whoMayReadAPost() {
        Status gracePublic = node.posts.post(grace, "org wide", Visibility.ORGANIZATION);
        Status graceDepartment = node.posts.post(grace, "finance only", Visibility.DEPARTMENT);
        Status frankFollowers = node.posts.post(frank, "followers", Visibility.FOLLOWERS);
        Status frankDirect = node.posts.post(frank, "direct", Visibility.DIRECT);

        assertTrue(visibility.canSee(alice, gracePublic));
        assertTrue(visibility.canSee(bob, gracePublic));
        assertTrue(visibility.canSee(alice, graceDepartment));
        assertFalse(visibility.canSee(bob, graceDepartment), "department posts are for the department");
        assertTrue(visibility.canSee(alice, frankFollowers), "alice follows frank");
        assertFalse(visibility.canSee(grace, frankFollowers));
        assertFalse(visibility.canSee(alice, frankDirect));
        assertTrue(visibility.canSee(frank, frankDirect), "the author always can");
    }

    private static void follow(Account follower, Account target, FollowState state) {
        node.database.inTransactionVoid(connection -> {
            long id = node.ids.next();
            node.followStore.insert(connection, new Follow(id, follower.id(), target.id(),
                    URI.create(follower.uri() + "/follows/" + id), state, NOW));
        });
    }

    private static Status remotePost(Account author, Visibility level) {
        long id = node.ids.next();
        Status status = new Status(id, URI.create(author.uri() + "/statuses/" + id), author.id(), level, "<p>x</p>",
                null, false, NOW);
        node.database.inTransactionVoid(connection -> {
            node.statusStore.insertIfAbsent(connection, status);
            node.homeFeed.distribute(connection, status); // as IncomingNotes does for a peer's post
        });
        return status;
    }
}
