package org.tributary.node.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.TestServices;

/** The streaming event bus: which streams an event is offered to, slow streams dropped, limits per account and node. */
class StreamHubTest {
    private static final Instant NOW = Instant.parse("2025-03-05T10:00:00Z");
    private static TestServices node;
    private static Account alice;
    private static Account ann;

    @BeforeAll
    static void createNode() {
        node = new TestServices(Clock.fixed(NOW, ZoneOffset.UTC));
        alice = node.employee("alice");
        ann = node.employee("ann");
    }

    @AfterAll
    static void dropNode() {
        node.close();
    }

    private StreamHub hub(int perAccount, int total, int queue) {
        return new StreamHub(node.database, node.tagStore, new StreamLimits(perAccount, total, queue,
                Duration.ofSeconds(10)));
    }

    @Test
    void eventsGoToTheStreamsWhoseTimelineTheyBelongTo() throws Exception {
        StreamHub hub = hub(10, 10, 10);
        StreamConnection lrnchat = opened(hub.open(alice, new StreamChannel.Hashtag("#LrnChat", false)));
        StreamConnection lrnchatLocal = opened(hub.open(alice, new StreamChannel.Hashtag("lrnchat", true)));
        StreamConnection organization = opened(hub.open(alice, new StreamChannel.Public(false)));
        StreamConnection department = opened(hub.open(alice, new StreamChannel.Public(true)));

        StreamEvent remote = event(false, Visibility.ORGANIZATION, "lrnchat");
        hub.publish(remote);
        assertEquals(Optional.of(remote), lrnchat.next(Duration.ZERO));
        assertEquals(Optional.empty(), lrnchatLocal.next(Duration.ZERO));
        assertEquals(Optional.of(remote), organization.next(Duration.ZERO));
        assertEquals(Optional.empty(), department.next(Duration.ZERO));

        StreamEvent departmentPost = event(true, Visibility.DEPARTMENT, "budget");
        hub.publish(departmentPost);
        assertEquals(Optional.empty(), lrnchat.next(Duration.ZERO));
        assertEquals(Optional.empty(), organization.next(Duration.ZERO));
        assertEquals(Optional.of(departmentPost), department.next(Duration.ZERO));
    }

    @Test
    void aStreamThatFallsBehindIsClosedAndFreesItsPlace() {
        StreamHub hub = hub(1, 10, 2);
        StreamConnection slow = opened(hub.open(ann, new StreamChannel.Public(false)));
        assertInstanceOf(StreamOpening.Refused.class, hub.open(ann, new StreamChannel.User()));
        for (int i = 0; i < 3; i++) {
            hub.publish(event(true, Visibility.ORGANIZATION));
        }
        assertTrue(slow.isClosed());
        assertEquals(0, hub.openCount());
        assertFalse(opened(hub.open(ann, new StreamChannel.User())).isClosed());
    }

    @Test
    void theNodeWideLimitHoldsAcrossAccounts() {
        StreamHub hub = hub(5, 2, 2);
        opened(hub.open(alice, new StreamChannel.User()));
        opened(hub.open(ann, new StreamChannel.User()));
        StreamOpening third = hub.open(alice, new StreamChannel.Public(false));
        assertEquals("too_many_streams", assertInstanceOf(StreamOpening.Refused.class, third).code());
        hub.closeAll();
        assertEquals(0, hub.openCount());
    }

    private static StreamConnection opened(StreamOpening opening) {
        return assertInstanceOf(StreamOpening.Opened.class, opening).connection();
    }

    private static StreamEvent event(boolean local, Visibility visibility, String... tags) {
        Status status = new Status(1, URI.create("https://finance.example/s/1"), alice.id(), visibility, "<p>x</p>",
                null, local, NOW);
        return new StreamEvent(StreamEvent.Kind.UPDATE, status, List.of(tags));
    }
}
