package org.tributary.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tributary.federation.spi.InboundActivity;

class InboxDispatcherTest {

    private static InboundActivity activity(String type) {
        String json = "{\"id\":\"https://a.example/act/" + type + "\",\"type\":\"" + type
                + "\",\"actor\":\"https://a.example/users/ann\",\"object\":\"https://b.example/users/bob\"}";
        return ((ActivityParser.Result.Parsed) new ActivityParser().parse(json.getBytes(StandardCharsets.UTF_8))).activity();
    }

    @Test
    void routesEachTypeToItsHandler() {
        List<String> calls = new ArrayList<>();
        InboxDispatcher dispatcher = InboxDispatcher.builder()
                .on("Follow", a -> { calls.add("follow " + a.id()); return HandlerResult.applied(); })
                .on("Like", a -> { calls.add("like"); return new HandlerResult.Ignored("post unknown"); })
                .build();

        assertInstanceOf(HandlerResult.Applied.class, dispatcher.dispatch(activity("Follow")));
        assertEquals(new HandlerResult.Ignored("post unknown"), dispatcher.dispatch(activity("Like")));
        assertEquals(List.of("follow https://a.example/act/Follow", "like"), calls);
        assertEquals(Set.of("Follow", "Like"), dispatcher.handledTypes());
    }

    @Test
    void unknownTypesGoToTheFallback() {
        InboxDispatcher byDefault = InboxDispatcher.builder().build();
        HandlerResult ignored = byDefault.dispatch(activity("Kudos"));
        assertTrue(assertInstanceOf(HandlerResult.Ignored.class, ignored).reason().contains("Kudos"));

        InboxDispatcher custom = InboxDispatcher.builder()
                .otherwise(a -> new HandlerResult.Failed("unsupported " + a.type(), false))
                .build();
        assertEquals(new HandlerResult.Failed("unsupported Kudos", false), custom.dispatch(activity("Kudos")));
    }

    @Test
    void aThrowingHandlerBecomesARetryableFailure() {
        InboxDispatcher dispatcher = InboxDispatcher.builder()
                .on("Follow", a -> { throw new IllegalStateException("database down"); })
                .build();
        HandlerResult.Failed failed = assertInstanceOf(HandlerResult.Failed.class, dispatcher.dispatch(activity("Follow")));
        assertTrue(failed.retryable());
        assertTrue(failed.error().contains("database down"));
    }

    @Test
    void registeringATypeTwiceIsRefused() {
        InboxDispatcher.Builder builder = InboxDispatcher.builder().on("Follow", a -> HandlerResult.applied());
        assertThrows(IllegalArgumentException.class, () -> builder.on("Follow", a -> HandlerResult.applied()));
    }

    @Test
    void aHandlerReturningNothingIsAFailureNotANull() {
        InboxDispatcher dispatcher = InboxDispatcher.builder().on("Follow", a -> null).build();
        assertFalse(assertInstanceOf(HandlerResult.Failed.class, dispatcher.dispatch(activity("Follow"))).retryable());
    }
}
