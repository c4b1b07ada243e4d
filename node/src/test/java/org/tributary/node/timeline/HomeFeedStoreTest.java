package org.tributary.node.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.relationship.Block;
import org.tributary.node.relationship.Mute;
import org.tributary.node.relationship.MuteStore;
import org.tributary.node.testing.TestServices;

/**
 * Paging the stored home feed when many of its posts must not be shown (deleted, by an author the reader
 * blocks or mutes): every kind of page is full and holds exactly the posts it would hold if those had
 * never been in the feed, however many reads it takes.
 */
class HomeFeedStoreTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account reader;
    /** The feed's posts that may be shown, oldest first. */
    private static final List<Long> SHOWN = new ArrayList<>();

    /**
     * 100 posts by four authors in turn: kept, muted, blocked, kept; of the kept ones every third is
     * deleted. Long runs of hidden posts come from a stretch in the middle where only hidden authors wrote.
     */
    @BeforeAll
    static void createFeed() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        reader = node.employee("reader");
        Account kept = node.remote("kept", "sales.example");
        Account muted = node.remote("muted", "sales.example");
        Account blocked = node.remote("blocked", "sales.example");
        Account other = node.remote("other", "sales.example");
        node.database.inTransactionVoid(connection -> {
            new MuteStore().upsert(connection, new Mute(node.ids.next(), reader.id(), muted.id(), false, NOW));
            node.blockStore.insertIfAbsent(connection, new Block(node.ids.next(), reader.id(), blocked.id(),
                    URI.create("https://finance.example/blocks/1"), NOW));
            int keptCount = 0;
            for (int n = 0; n < 100; n++) {
                boolean hiddenStretch = n >= 40 && n < 80;
                Account author = hiddenStretch ? (n % 2 == 0 ? muted : blocked)
                        : List.of(kept, muted, blocked, other).get(n % 4);
                long id = node.ids.next();
                Status status = new Status(id, URI.create(author.uri() + "/statuses/" + id), author.id(),
                        Visibility.ORGANIZATION, "<p>" + n + "</p>", null, false, NOW);
                node.statusStore.insertIfAbsent(connection, status);
                node.homeFeedStore.add(connection, reader.id(), id);
                if (author == kept || author == other) {
                    if (keptCount++ % 3 == 2) {
                        node.statusStore.markDeleted(connection, id, NOW);
                    } else {
                        SHOWN.add(id);
                    }
                }
            }
        });
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void everyKindOfPageIsFullAndSkipsWhatIsHidden() {
        List<Long> newestFirst = new ArrayList<>(SHOWN);
        java.util.Collections.reverse(newestFirst);
        for (int limit : List.of(1, 3, 5, 20, 40)) {
            assertEquals(cut(newestFirst, limit), page(new Page(null, null, null, limit)), "latest, " + limit);
            long max = newestFirst.get(2);
            assertEquals(cut(newestFirst.stream().filter(id -> id < max).toList(), limit),
                    page(new Page(max, null, null, limit)), "max_id, " + limit);
            long since = SHOWN.get(1);
            assertEquals(cut(newestFirst.stream().filter(id -> id > since).toList(), limit),
                    page(new Page(null, since, null, limit)), "since_id, " + limit);
            List<Long> after = newestFirst.stream().filter(id -> id > since).toList();
            assertEquals(after.subList(Math.max(0, after.size() - limit), after.size()),
                    page(new Page(null, null, since, limit)), "min_id: the posts just after it, " + limit);
        }
    }

    private static List<Long> cut(List<Long> ids, int limit) {
        return ids.subList(0, Math.min(limit, ids.size()));
    }

    private static List<Long> page(Page page) {
        return node.database.inTransaction(connection -> node.homeFeedStore.page(connection, reader.id(), page))
                .stream().map(Status::id).toList();
    }
}
