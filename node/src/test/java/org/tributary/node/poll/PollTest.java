package org.tributary.node.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.node.outbound.PollActivities;

class PollTest {
    private static final Instant END = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void aPollIsOverAtItsEndTimeOrWhenClosed() {
        Poll open = new Poll(1, false, END, false, 0, List.of(new Poll.Option("a", 2), new Poll.Option("b", 3)));
        assertFalse(open.isOver(END.minusSeconds(1)));
        assertTrue(open.isOver(END));
        assertTrue(new Poll(1, false, null, true, 0, List.of()).isOver(END));
        assertEquals(5, open.votesCount());
    }

    @Test
    void aVoteIsANamedNoteWithoutContentInReplyToSomething() {
        URI id = URI.create("https://sales.example/users/bob/votes/1");
        var vote = Json.createObjectBuilder().add("id", id.toString()).add("type", "Note").add("name", "a")
                .add("inReplyTo", "https://finance.example/users/alice/statuses/1");
        assertTrue(PollActivities.isVote(new ObjectRef.Embedded(id, "Note", vote.build())));
        assertFalse(PollActivities.isVote(new ObjectRef.Embedded(id, "Note", vote.add("content", "a reply").build())));
    }
}
