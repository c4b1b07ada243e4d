package org.tributary.node.hashtag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * A #lrnchat chat among employees of three nodes (finance: alice, ann; sales: bob, bea; hr: carol,
 * cody), none of whom follows anyone: following the tag is enough for every post to reach every
 * participant, complete and in order. Also: followers-only posts stay home, and a node that no longer
 * follows a tag is no longer sent its posts.
 */
class HashtagChatAcrossNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static Chatter alice;
    private static Chatter ann;
    private static Chatter bob;
    private static Chatter bea;
    private static Chatter carol;
    private static Chatter cody;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        alice = new Chatter(finance, "alice");
        ann = new Chatter(finance, "ann");
        bob = new Chatter(sales, "bob");
        bea = new Chatter(sales, "bea");
        carol = new Chatter(hr, "carol");
        cody = new Chatter(hr, "cody");
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    private static List<Chatter> everyone() {
        return List.of(alice, ann, bob, bea, carol, cody);
    }

    @Test
    void aChatAmongThreeNodesReachesEveryParticipantCompleteAndInOrder() {
        everyone().forEach(chatter -> assertTrue(chatter.followTag("LrnChat").getBoolean("following")));
        awaitSubscribed("lrnchat", finance, sales, hr);

        // Twelve messages, the six participants taking turns twice; every third one answers the one before.
        List<Chatter> turns = new ArrayList<>(everyone());
        turns.addAll(everyone());
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Chatter speaker = turns.get(i);
            String replyTo = null;
            if (i % 3 == 2) {
                String previous = posted.get(i - 1);
                awaitInTagTimeline(speaker, "lrnchat", previous);
                replyTo = speaker.idInTagTimeline("lrnchat", previous);
            }
            posted.add(speaker.post("Q" + (i + 1) + " from " + speaker.username + " #lrnchat", "public", replyTo)
                    .getString("uri"));
        }

        List<String> newestFirst = new ArrayList<>(posted);
        Collections.reverse(newestFirst);
        for (Chatter participant : everyone()) {
            List<String> seen = Eventually.await(participant.username + "'s #lrnchat timeline", WAIT,
                    () -> participant.tagTimelineUris("lrnchat"), uris -> uris.size() >= posted.size());
            assertEquals(newestFirst, seen, participant.username + " sees the chat in order");
            assertEquals(newestFirst, participant.pagedTagTimelineUris("lrnchat", 5),
                    participant.username + " pages through the same order");
            assertTrue(participant.homeUris().containsAll(posted), "a followed tag fills the home timeline");
        }
    }

    @Test
    void aFollowersOnlyPostWithTheTagIsNotDeliveredToSubscribedNodes() {
        Stream.of(alice, carol).forEach(chatter -> chatter.followTag("townhall"));
        awaitSubscribed("townhall", finance, hr);

        long queuedBefore = allDeliveries(hr);
        String secret = carol.post("only my followers #townhall", "private", null).getString("uri");
        assertEquals(queuedBefore, allDeliveries(hr), "a followers-only post of someone without followers goes nowhere");
        String open = carol.post("everyone #townhall", "public", null).getString("uri");

        awaitInTagTimeline(alice, "townhall", open);
        assertFalse(alice.tagTimelineUris("townhall").contains(secret));
        assertFalse(alice.homeUris().contains(secret));
        assertTrue(carol.tagTimelineUris("townhall").containsAll(List.of(open)));
    }

    @Test
    void whenTheLastFollowerUnfollowsTheNodeUndoesItsSubscriptionsAndGetsNoMorePosts() {
        alice.followTag("standup");
        awaitSubscribed("standup", finance);
        Eventually.await("hr records finance as a #standup subscriber", WAIT,
                () -> hr.assembly().tagSubscribers().of("standup").size() == 1);
        String before = carol.post("yesterday: audits #standup", "public", null).getString("uri");
        awaitInTagTimeline(alice, "standup", before);

        assertFalse(alice.unfollowTag("standup").getBoolean("following"));
        Eventually.await("finance forgets its #standup subscriptions", WAIT,
                () -> finance.assembly().tagSubscriptions().of("standup").isEmpty());
        Eventually.await("hr and sales receive the Undo", WAIT,
                () -> hr.assembly().tagSubscribers().of("standup").isEmpty()
                        && sales.assembly().tagSubscribers().of("standup").isEmpty());

        long queuedBefore = allDeliveries(hr);
        carol.post("today: more audits #standup", "public", null);
        assertEquals(queuedBefore, allDeliveries(hr), "hr queues nothing for a tag nobody subscribes to");
    }

    @Test
    void theTagCollectionFillsInPostsWrittenBeforeTheSubscription() {
        String early = bea.post("before anyone listened #retro", "public", null).getString("uri");
        ann.followTag("retro");
        awaitInTagTimeline(ann, "retro", early);
    }

    private static long allDeliveries(TestNode node) {
        return Stream.of("queued", "delivered", "dead").mapToLong(node.assembly().deliveries()::count).sum();
    }

    /** Waits until each node has had its subscription to the tag accepted by both of its peers. */
    private static void awaitSubscribed(String tag, TestNode... nodes) {
        for (TestNode node : nodes) {
            Eventually.await(node.authority() + " subscribed to #" + tag + " on both peers", WAIT,
                    () -> node.assembly().tagSubscriptions().of(tag),
                    subscriptions -> subscriptions.size() == 2
                            && subscriptions.stream().allMatch(TagPeerSubscription::accepted));
        }
    }

    private static void awaitInTagTimeline(Chatter chatter, String tag, String uri) {
        Eventually.await(uri + " in " + chatter.username + "'s #" + tag + " timeline", WAIT,
                () -> chatter.tagTimelineUris(tag).contains(uri));
    }
}
