package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.spec.conformance.Responses.assertStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;
import org.tributary.federation.testing.TestPeerServer;
import org.tributary.node.testing.Eventually;

/**
 * The node writes {@code Date} as {@code EEE, dd MMM yyyy HH:mm:ss 'GMT'} with a two-digit day on every
 * request it sends: peers such as Mastodon reject the one-digit day that Java's RFC 1123 formatter writes.
 * The node's clock is set to the 5th of a month, so a one-digit day would show.
 */
class OutboundDateHeaderTest {
    /** IMF-fixdate (RFC 9110 §5.6.7). */
    static final String IMF_FIXDATE =
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT";

    private static NodeUnderTest rig;

    @BeforeAll
    static void start() {
        Instant now = Instant.now();
        Instant fifth = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(5).withHour(9).toInstant();
        // Everyone (node, peer and the suite's signer) shares the shifted clock, as real nodes share real time.
        rig = NodeUnderTest.start("outbound-date", Clock.offset(Clock.systemUTC(), Duration.between(now, fifth)), "bob");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void fetchesAndDeliveriesCarryAnImfFixdateWithATwoDigitDay() {
        TestActor carol = rig.peer().actor("carol");
        assertStatus(rig.http().post(rig.sharedInbox(), Activities.bytes(Activities.follow(rig.peerActivityId(),
                carol.id(), rig.employee("bob"))), carol.signingKey(), SignatureScheme.RFC9421), 202);
        Eventually.await("the Accept", Duration.ofSeconds(15), () -> !rig.peer().posted("Accept").isEmpty());

        List<TestPeerServer.Received> received = rig.peer().received();
        assertTrue(received.stream().anyMatch(request -> request.method().equals("GET")), "the node fetched carol");
        assertFalse(received.isEmpty());
        for (TestPeerServer.Received request : received) {
            String date = request.headers().first("date").orElse("(none)");
            assertTrue(date.matches(IMF_FIXDATE), () -> request.method() + " " + request.target() + " Date: " + date);
            assertEquals(" 05 ", date.substring(4, 8), date);
            assertTrue(request.verification().verified(), () -> request + " was not verified");
        }
    }
}
