package org.tributary.node.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.testing.TestServices;

/** Mastodon-style paging, run through {@link StatusStore} over 30 real rows. */
class PageTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static final List<Visibility> ALL = List.of(Visibility.values());
    private static TestServices node;
    private static Account alice;
    /** ids of posts number 1 (oldest) to 30 (newest); index 0 is unused. */
    private static final long[] ID = new long[31];

    @BeforeAll
    static void insertThirtyStatuses() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
        node.database.inTransactionVoid(connection -> {
            for (int n = 1; n <= 30; n++) {
                ID[n] = node.ids.next();
                node.statusStore.insertIfAbsent(connection, new Status(ID[n],
                        URI.create("https://finance.example/users/alice/statuses/" + ID[n]), alice.id(),
                        Visibility.ORGANIZATION, "<p>" + n + "</p>", null, true, NOW));
            }
        });
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void limitsAreClampedBetweenOneAndForty() {
        assertEquals(1, new Page(null, null, null, 0).limit());
        assertEquals(1, new Page(null, null, null, -3).limit());
        assertEquals(40, new Page(null, null, null, 1000).limit());
        assertEquals(25, Page.latest(25).limit());
    }

    @Test
    void theLatestPageIsNewestFirst() {
        assertEquals(numbers(30, 11), page(Page.latest(Page.DEFAULT_LIMIT)));
        assertEquals(numbers(30, 1), page(Page.latest(Page.MAX_LIMIT)));
    }

    @Test
    void maxIdPagesOlderPosts() {
        assertEquals(numbers(10, 1), page(new Page(ID[11], null, null, 20)));
        assertEquals(numbers(10, 8), page(new Page(ID[11], null, null, 3)));
        assertEquals(List.of(), page(new Page(ID[1], null, null, 20)));
    }

    @Test
    void sinceIdGivesTheNewestPostsAfterIt() {
        assertEquals(numbers(30, 26), page(new Page(null, ID[25], null, 20)));
        assertEquals(numbers(30, 28), page(new Page(null, ID[5], null, 3)), "the newest ones, not those right after");
    }

    @Test
    void minIdGivesThePageRightAfterItStillNewestFirst() {
        assertEquals(numbers(8, 6), page(new Page(null, null, ID[5], 3)));
        assertEquals(numbers(30, 26), page(new Page(null, null, ID[25], 20)));
        assertEquals(List.of(), page(new Page(null, null, ID[30], 20)));
    }

    @Test
    void boundsCombine() {
        assertEquals(numbers(9, 6), page(new Page(ID[10], null, ID[5], 20)));
        assertEquals(numbers(9, 7), page(new Page(ID[10], ID[6], null, 20)));
    }

    @Test
    void sinceIdWinsOverMinId() {
        assertEquals(numbers(30, 28), page(new Page(null, ID[5], ID[20], 3)));
    }

    private static List<Integer> page(Page page) {
        List<Status> statuses = node.database.inTransaction(connection -> node.statusStore.byAccount(connection,
                alice.id(), ALL, page));
        List<Integer> numbers = new ArrayList<>();
        for (Status status : statuses) {
            numbers.add(numberOf(status.id()));
        }
        return numbers;
    }

    private static int numberOf(long id) {
        for (int n = 1; n <= 30; n++) {
            if (ID[n] == id) {
                return n;
            }
        }
        throw new AssertionError("unknown id " + id);
    }

    /** Post numbers from {@code from} down to {@code to}. */
    private static List<Integer> numbers(int from, int to) {
        return LongStream.rangeClosed(to, from).map(n -> from + to - n).mapToObj(n -> (int) n).toList();
    }
}
