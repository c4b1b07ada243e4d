package org.tributary.node.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.media.MediaAttachment;
import org.tributary.node.media.MediaKind;
import org.tributary.node.testing.TestServices;

/**
 * Views of several posts read together: each post gets its own author, recipients (in account order, the
 * mentioned ones as mentions), hashtags (by name), media (in the order attached) and known parent, in the
 * order the posts were asked for, as when each is read alone.
 */
class StatusViewsTest {
    private static final Instant NOW = Instant.parse("2025-03-05T09:15:00Z");
    private static TestServices node;
    private static Account alice;
    private static Account bob;
    private static Account carol;
    private static Account dave;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
        bob = node.employee("bob");
        carol = node.employee("carol");
        dave = node.remote("dave", "sales.example");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    @Test
    void postsReadTogetherEachGetTheirOwnPartsInOrder() {
        Status parent = post(alice, null, List.of(), List.of(), 0);
        Status first = post(dave, parent.uri(), List.of(new Recipient(carol.id(), true), new Recipient(bob.id(), false),
                new Recipient(alice.id(), true)), List.of("zeta", "alpha", "mid"), 3);
        Status second = post(bob, URI.create("https://elsewhere.example/unknown"), List.of(
                new Recipient(dave.id(), true)), List.of("budget"), 1);
        Status third = post(carol, null, List.of(), List.of(), 0);

        List<StatusView> together = node.statusViews.of(List.of(third, first, parent, second));

        assertEquals(List.of(third, first, parent, second), together.stream().map(StatusView::status).toList());
        StatusView view = together.get(1);
        assertEquals(dave, view.author());
        assertEquals(List.of(alice, bob, carol), view.recipients(), "recipients in account order");
        assertEquals(List.of(alice, carol), view.mentions());
        assertEquals(List.of("alpha", "mid", "zeta"), view.tags());
        assertEquals(Optional.of(parent), view.parent());
        List<Long> mediaIds = view.media().stream().map(MediaAttachment::id).toList();
        assertEquals(mediaIds.stream().sorted().toList(), mediaIds, "media in the order attached");
        assertEquals(3, mediaIds.size());
        assertEquals(Optional.empty(), together.get(3).parent(), "a parent this node does not have");
        assertEquals(List.of(dave), together.get(3).mentions());
        assertEquals(1, together.get(3).media().size());
        assertEquals(List.of(), together.get(0).recipients());
        assertEquals(List.of(), together.get(0).media());
        for (StatusView alone : together) {
            assertEquals(alone, node.statusViews.of(alone.status()), "as when read alone");
        }
    }

    @Test
    void aPostWithoutItsAuthorRowIsAnError() {
        Status orphan = new Status(node.ids.next(), URI.create("https://finance.example/statuses/orphan"), 424242L,
                Visibility.ORGANIZATION, "<p>x</p>", null, true, NOW);
        assertThrows(IllegalStateException.class, () -> node.statusViews.of(List.of(orphan)));
    }

    /** A post with its recipients, tags and {@code media} attachments, attached newest id first. */
    private static Status post(Account author, URI inReplyTo, List<Recipient> recipients, List<String> tags,
            int media) {
        long id = node.ids.next();
        Status status = new Status(id, URI.create(author.uri() + "/statuses/" + id), author.id(),
                Visibility.ORGANIZATION, "<p>post</p>", inReplyTo, author.isLocal(), NOW);
        List<Long> mediaIds = java.util.stream.IntStream.range(0, media).mapToObj(n -> node.ids.next()).toList();
        node.database.inTransactionVoid(connection -> {
            node.statusStore.insertIfAbsent(connection, status);
            node.recipientStore.replace(connection, id, recipients);
            node.tagStore.replace(connection, id, tags);
            for (int n = mediaIds.size() - 1; n >= 0; n--) {
                node.mediaStore.insert(connection, new MediaAttachment(mediaIds.get(n), author.id(), null,
                        MediaKind.IMAGE, "image/png", 0, "picture " + n, 4, 3, null, id,
                        URI.create("https://sales.example/media/" + mediaIds.get(n)), NOW));
            }
        });
        return status;
    }
}
