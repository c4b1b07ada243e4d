package org.tributary.federation.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.federation.testing.MutableClock;

class DeliveryPlannerTest {

    private static final URI ACTIVITY = URI.create("https://here.example/act/1");
    private static final URI SIGNER = URI.create("https://here.example/users/ann#main-key");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T09:00:00Z"));
    private final DeliveryPlanner planner =
            new DeliveryPlanner(Set.of("sales.example", "hr.example:8443", "it.example")::contains, clock);

    private static URI uri(String value) {
        return URI.create(value);
    }

    private DeliveryPlan plan(List<RecipientInbox> recipients) {
        return planner.plan(ACTIVITY, "{}".getBytes(), SIGNER, recipients);
    }

    private static List<URI> inboxes(DeliveryPlan plan) {
        return plan.jobs().stream().map(DeliveryJob::inbox).toList();
    }

    @Test
    void followersOnOneNodeShareOneRequestToTheSharedInbox() {
        DeliveryPlan plan = plan(List.of(
                RecipientInbox.withShared(uri("https://sales.example/users/a/inbox"), uri("https://sales.example/inbox")),
                RecipientInbox.withShared(uri("https://sales.example/users/b/inbox"), uri("https://sales.example/inbox")),
                RecipientInbox.personal(uri("https://sales.example/users/c/inbox")),
                RecipientInbox.withShared(uri("https://hr.example:8443/u/d/inbox"), uri("https://hr.example:8443/inbox"))));
        assertEquals(List.of(uri("https://sales.example/inbox"), uri("https://hr.example:8443/inbox")), inboxes(plan));
        DeliveryJob job = plan.jobs().get(0);
        assertEquals(DeliveryJob.UNSAVED, job.id());
        assertEquals(0, job.attempts());
        assertEquals(clock.instant(), job.nextAttemptAt());
        assertEquals(SIGNER, job.signingKeyId());
        assertEquals(ACTIVITY, job.activityId());
    }

    @Test
    void withoutSharedInboxEachDistinctInboxGetsOneJob() {
        DeliveryPlan plan = plan(List.of(
                RecipientInbox.personal(uri("https://it.example/users/a/inbox")),
                RecipientInbox.personal(uri("https://it.example/users/a/inbox")),
                RecipientInbox.personal(uri("https://it.example/users/b/inbox"))));
        assertEquals(List.of(uri("https://it.example/users/a/inbox"), uri("https://it.example/users/b/inbox")),
                inboxes(plan));
    }

    @Test
    void peersThePolicyDoesNotAllowAreDropped() {
        DeliveryPlan plan = plan(List.of(
                RecipientInbox.personal(uri("https://evil.example/users/x/inbox")),
                RecipientInbox.personal(uri("https://hr.example/users/x/inbox")),
                RecipientInbox.personal(uri("ftp://sales.example/inbox")),
                RecipientInbox.personal(uri("https://sales.example/users/a/inbox"))));
        assertEquals(List.of(uri("https://sales.example/users/a/inbox")), inboxes(plan));
        assertEquals(List.of(uri("https://evil.example/users/x/inbox"), uri("https://hr.example/users/x/inbox"),
                uri("ftp://sales.example/inbox")), plan.droppedInboxes());
    }

    @Test
    void aSharedInboxOnAnotherOriginIsIgnored() {
        DeliveryPlan plan = plan(List.of(
                RecipientInbox.withShared(uri("https://sales.example/users/a/inbox"), uri("https://it.example/inbox"))));
        assertEquals(List.of(uri("https://sales.example/users/a/inbox")), inboxes(plan));
        assertTrue(plan.droppedInboxes().isEmpty());
    }
}
