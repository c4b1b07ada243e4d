package org.tributary.node.hashtag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.TestServices;

/**
 * The tag timeline's query: ordered by the authors' time (not by the ids this node minted on arrival),
 * paged by cursor posts in that order, and filtered by Mastodon's any/all/none and local/remote.
 */
class TagTimelineStoreTest {
    private static final Instant T0 = Instant.parse("2025-03-05T10:00:00Z");
    private static TestServices node;
    private static Account alice;
    private static Account bob;
    private final TagTimelineStore store = new TagTimelineStore();

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(T0, ZoneOffset.UTC));
        alice = node.employee("alice");
        bob = node.remote("bob", "sales.example");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @BeforeEach
    void reset() {
        node.resetSocialState();
    }

    @Test
    void ordersByPublishedTimeThenUriWhateverOrderThePostsArrivedIn() {
        // Arrival order (ids) 1..4 differs from the authors' order.
        Status late = insert(1, bob, "https://sales.example/s/b", 30, Visibility.ORGANIZATION, "lrnchat");
        Status early = insert(2, alice, "https://finance.example/s/a", 10, Visibility.ORGANIZATION, "lrnchat");
        Status tieA = insert(3, bob, "https://sales.example/s/x", 20, Visibility.ORGANIZATION, "lrnchat");
        Status tieB = insert(4, alice, "https://finance.example/s/y", 20, Visibility.ORGANIZATION, "lrnchat");

        assertEquals(List.of(late, tieA, tieB, early), read(TagQuery.of("lrnchat"), Page.latest(40)));
        assertEquals(List.of(tieA, tieB), read(TagQuery.of("lrnchat"), new Page(late.id(), null, null, 2)));
        assertEquals(List.of(early), read(TagQuery.of("lrnchat"), new Page(tieB.id(), null, null, 40)));
        assertEquals(List.of(tieB), read(TagQuery.of("lrnchat"), new Page(null, null, early.id(), 1)));
        assertEquals(List.of(late, tieA, tieB), read(TagQuery.of("lrnchat"), new Page(null, early.id(), null, 40)));
        assertEquals(List.of(), read(TagQuery.of("lrnchat"), new Page(999_999L, null, null, 40)));
    }

    @Test
    void filtersByAnyAllNoneAndLocality() {
        Status both = insert(1, alice, "https://finance.example/s/1", 1, Visibility.ORGANIZATION, "java", "jvm");
        Status javaOnly = insert(2, bob, "https://sales.example/s/2", 2, Visibility.ORGANIZATION, "java");
        Status kotlin = insert(3, bob, "https://sales.example/s/3", 3, Visibility.ORGANIZATION, "kotlin");
        insert(4, bob, "https://sales.example/s/4", 4, Visibility.FOLLOWERS, "java");
        Status department = insert(5, alice, "https://finance.example/s/5", 5, Visibility.DEPARTMENT, "java");

        assertEquals(List.of(department, javaOnly, both), read(TagQuery.of("#Java"), Page.latest(40)));
        assertEquals(List.of(department, kotlin, javaOnly, both),
                read(new TagQuery("java", List.of("kotlin"), List.of(), List.of(), false, false), Page.latest(40)));
        assertEquals(List.of(both),
                read(new TagQuery("java", List.of(), List.of("JVM"), List.of(), false, false), Page.latest(40)));
        assertEquals(List.of(department, javaOnly),
                read(new TagQuery("java", List.of(), List.of(), List.of("jvm"), false, false), Page.latest(40)));
        assertEquals(List.of(department, both),
                read(new TagQuery("java", List.of(), List.of(), List.of(), true, false), Page.latest(40)));
        assertEquals(List.of(javaOnly),
                read(new TagQuery("java", List.of(), List.of(), List.of(), false, true), Page.latest(40)));
    }

    private List<Status> read(TagQuery query, Page page) {
        return node.database.inTransaction(connection -> store.read(connection, query, page));
    }

    private static Status insert(long id, Account author, String uri, int minutes, Visibility visibility,
            String... tags) {
        Status status = new Status(id, URI.create(uri), author.id(), visibility, "<p>hi</p>", null, author.isLocal(),
                T0.plusSeconds(60L * minutes));
        node.database.inTransactionVoid(connection -> {
            node.statusStore.insertIfAbsent(connection, status);
            node.tagStore.replace(connection, id, List.of(tags));
        });
        return status;
    }
}
