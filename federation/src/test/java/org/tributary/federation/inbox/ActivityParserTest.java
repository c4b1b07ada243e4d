package org.tributary.federation.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.spi.InboundActivity;

class ActivityParserTest {

    private final ActivityParser parser = new ActivityParser();

    private ActivityParser.Result parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertInvalid(FederationError expected, String json) {
        ActivityParser.Result result = parse(json);
        assertEquals(expected, assertInstanceOf(ActivityParser.Result.Invalid.class, result).error(), json);
    }

    @Test
    void readsTheFieldsThePipelineChecks() {
        String json = """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"https://a.example/act/1","type":"Create",
                 "actor":{"id":"https://a.example/users/ann","type":"Person"},
                 "object":{"id":"https://a.example/notes/1","type":"Note","attributedTo":"https://a.example/users/ann"}}""";
        InboundActivity activity = assertInstanceOf(ActivityParser.Result.Parsed.class, parse(json)).activity();
        assertEquals(URI.create("https://a.example/act/1"), activity.id());
        assertEquals("Create", activity.type());
        assertEquals(URI.create("https://a.example/users/ann"), activity.actor());
        assertEquals(Optional.of(URI.create("https://a.example/notes/1")), activity.objectId());
        assertEquals(Optional.of(URI.create("https://a.example/users/ann")), activity.objectAttributedTo());
        assertEquals(json, new String(activity.raw(), StandardCharsets.UTF_8));
    }

    @Test
    void aBareObjectReferenceIsTheObjectId() {
        InboundActivity activity = assertInstanceOf(ActivityParser.Result.Parsed.class, parse(
                "{\"id\":\"https://a.example/f/1\",\"type\":[\"Follow\"],\"actor\":\"https://a.example/u\","
                        + "\"object\":\"https://b.example/u\"}")).activity();
        assertEquals("Follow", activity.type());
        assertEquals(Optional.of(URI.create("https://b.example/u")), activity.objectId());
        assertEquals(Optional.empty(), activity.objectAttributedTo());
    }

    @Test
    void brokenJsonIsMalformedJson() {
        assertInvalid(FederationError.MALFORMED_JSON, "{\"id\": ");
        assertInvalid(FederationError.MALFORMED_JSON, "");
        assertInvalid(FederationError.MALFORMED_JSON, "not json");
    }

    @Test
    void duplicateMemberNamesAreMalformedJson() {
        assertInvalid(FederationError.MALFORMED_JSON,
                "{\"id\":\"https://a.example/1\",\"type\":\"Like\",\"actor\":\"https://a.example/u\",\"actor\":\"https://b.example/u\"}");
    }

    @Test
    void wellFormedJsonThatIsNoActivityIsMalformedActivity() {
        assertInvalid(FederationError.MALFORMED_ACTIVITY, "[1,2]");
        assertInvalid(FederationError.MALFORMED_ACTIVITY, "{\"type\":\"Like\",\"actor\":\"https://a.example/u\"}");
        assertInvalid(FederationError.MALFORMED_ACTIVITY,
                "{\"id\":\"/relative\",\"type\":\"Like\",\"actor\":\"https://a.example/u\"}");
        assertInvalid(FederationError.MALFORMED_ACTIVITY,
                "{\"id\":\"https://a.example/1\",\"actor\":\"https://a.example/u\"}");
        assertInvalid(FederationError.MALFORMED_ACTIVITY, "{\"id\":\"https://a.example/1\",\"type\":\"Like\"}");
        assertInvalid(FederationError.MALFORMED_ACTIVITY,
                "{\"id\":\"https://a.example/1\",\"type\":\"Like\",\"actor\":\"mailto:x@a.example\"}");
    }
}
