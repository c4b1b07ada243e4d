package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.spec.conformance.Responses.assertStatus;

import io.restassured.http.ContentType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.SignatureScheme;
import org.tributary.federation.testing.TestActor;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Every activity three real nodes send while their employees follow, post, mention, reply, edit, delete,
 * like, unlike, boost, give kudos, vote and answer an event invitation is checked against the profile's
 * SHACL shapes. What is checked is what left the nodes: the bodies a fake peer that follows every employee
 * received on the wire, plus every body the nodes queued for each other (their delivery queue keeps the
 * exact bytes it signs and sends, e.g. a Like that only the author's node receives).
 */
class EmittedActivitiesShapeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static FakePeer peer;
    private static ActivityShapes shapes;

    @BeforeAll
    static void start() {
        shapes = ActivityShapes.load();
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        finance.addEmployee("alice");
        sales.addEmployee("bob");
        hr.addEmployee("carol");
        peer = FakePeer.start();
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
        Stream.of(finance, sales, hr).filter(Objects::nonNull).forEach(TestNode::close);
    }

    @Test
    void everyActivityTheNodesSendConformsToTheShapes() {
        watchEveryEmployee();
        String alice = finance.login("alice");
        String bob = sales.login("bob");
        String carol = hr.login("carol");

        String bobOnFinance = lookup(finance, alice, "bob@" + sales.authority());
        String bobOnHr = lookup(hr, carol, "bob@" + sales.authority());
        String aliceOnSales = lookup(sales, bob, "alice@" + finance.authority());
        follow(finance, alice, bobOnFinance);
        follow(hr, carol, bobOnHr);
        follow(sales, bob, aliceOnSales);

        String post = post(sales, bob, Map.of("status", "Quarter closed, thanks @alice@" + finance.authority()
                + " #quarterly", "visibility", "public"));
        String postUri = sales.api(bob).get("/api/v1/statuses/" + post).then().statusCode(200).extract().path("uri");
        String postOnFinance = localId(finance, alice, postUri);
        String postOnHr = localId(hr, carol, postUri);

        post(finance, alice, Map.of("status", "@bob@" + sales.authority() + " well done", "in_reply_to_id",
                postOnFinance, "visibility", "public"));
        sales.api(bob).contentType(ContentType.JSON).body(Map.of("status", "Quarter closed, thanks @alice@"
                + finance.authority() + " #quarterly (final)")).put("/api/v1/statuses/" + post).then()
                .log().ifValidationFails().statusCode(200);
        String mistake = post(sales, bob, Map.of("status", "typo post", "visibility", "public"));
        sales.api(bob).delete("/api/v1/statuses/" + mistake).then().log().ifValidationFails().statusCode(200);

        finance.api(alice).post("/api/v1/statuses/" + postOnFinance + "/favourite").then()
                .log().ifValidationFails().statusCode(200);
        finance.api(alice).post("/api/v1/statuses/" + postOnFinance + "/unfavourite").then()
                .log().ifValidationFails().statusCode(200);
        hr.api(carol).post("/api/v1/statuses/" + postOnHr + "/reblog").then()
                .log().ifValidationFails().statusCode(200);

        sales.api(bob).contentType(ContentType.JSON).body(Map.of("recipient_ids", List.of(aliceOnSales),
                "message", "Thanks for closing the books early", "value", "teamwork")).post("/api/v1/kudos").then()
                .log().ifValidationFails().statusCode(200);

        String poll = post(sales, bob, Map.of("status", "Where should the offsite be?", "visibility", "public",
                "poll", Map.of("options", List.of("Lisbon", "Porto"), "expires_in", 86400)));
        String pollUri = sales.api(bob).get("/api/v1/statuses/" + poll).then().statusCode(200).extract().path("uri");
        String pollId = finance.api(alice).get("/api/v1/statuses/" + localId(finance, alice, pollUri)).then()
                .statusCode(200).extract().path("poll.id");
        finance.api(alice).contentType(ContentType.JSON).body(Map.of("choices", List.of(0)))
                .post("/api/v1/polls/" + pollId + "/votes").then().log().ifValidationFails().statusCode(200);

        Instant start = Instant.now().plus(Duration.ofDays(7));
        String eventUri = sales.api(bob).contentType(ContentType.JSON).body(Map.of("name", "Quarter close party",
                "description", "Cake in the big room", "start_time", start.toString(), "end_time",
                start.plus(Duration.ofHours(2)).toString(), "visibility", "public")).post("/api/v1/events").then()
                .log().ifValidationFails().statusCode(200).extract().path("uri");
        rsvp(finance, alice, eventUri, "accept");
        rsvp(hr, carol, eventUri, "tentative");

        List<Captured> captured = captureAfterQueuesDrain();
        Set<String> seen = captured.stream().map(Captured::type).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(seen.containsAll(Set.of("Follow", "Accept", "Create", "Update", "Delete", "Like", "Undo",
                "Announce", "TentativeAccept")), () -> "types captured: " + seen);
        assertTrue(peer.received().stream().anyMatch(request -> request.method().equals("POST")),
                "the watching peer received nothing on the wire");

        // The same body fanned out to several inboxes is checked (and reported) once.
        Map<String, Captured> distinct = new java.util.LinkedHashMap<>();
        captured.forEach(body -> distinct.putIfAbsent(new String(body.body(), StandardCharsets.UTF_8), body));
        List<String> report = new ArrayList<>();
        for (Captured body : distinct.values()) {
            List<String> violations = shapes.violations(body.body());
            if (!violations.isEmpty()) {
                report.add(body.where() + " " + body.type() + " " + new String(body.body(), StandardCharsets.UTF_8)
                        + violations.stream().map(line -> "\n    - " + line).collect(Collectors.joining()));
            }
        }
        assertTrue(report.isEmpty(), () -> report.size() + " of " + distinct.size() + " distinct activities break the shapes:\n"
                + String.join("\n", report));
    }

    @Test
    void aCreateWhoseObjectIsSomeoneElsesIsRefused() {
        JsonObject forged = create("https://sales.example/users/bob", "https://finance.example/users/alice");
        List<String> violations = shapes.violations(bytes(forged));
        assertTrue(violations.stream().anyMatch(line -> line.contains("not attributed")), violations::toString);

        JsonObject honest = create("https://sales.example/users/bob", "https://sales.example/users/bob");
        assertEquals(List.of(), shapes.violations(bytes(honest)));
    }

    @Test
    void anUntypedOrAnonymousDocumentIsRefused() {
        JsonObject anonymous = Json.createObjectBuilder(create("https://sales.example/users/bob",
                "https://sales.example/users/bob")).remove("id").build();
        assertTrue(shapes.violations(bytes(anonymous)).stream().anyMatch(line -> line.contains("no IRI id")));
        JsonObject note = create("https://sales.example/users/bob", "https://sales.example/users/bob")
                .getJsonObject("object");
        JsonObject standalone = Json.createObjectBuilder(note).add("@context", "https://www.w3.org/ns/activitystreams")
                .build();
        assertTrue(shapes.violations(bytes(standalone)).stream().anyMatch(line -> line.contains("top-level type")));
    }

    private static JsonObject create(String actor, String author) {
        return Json.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", "https://sales.example/activities/1")
                .add("type", "Create")
                .add("actor", actor)
                .add("object", Json.createObjectBuilder()
                        .add("id", "https://sales.example/users/bob/statuses/1")
                        .add("type", "Note")
                        .add("attributedTo", author)
                        .add("content", "<p>hello</p>")
                        .add("published", "2025-01-01T00:00:00Z")
                        .add("to", "https://www.w3.org/ns/activitystreams#Public"))
                .build();
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The fake peer's {@code watcher} follows every employee, so their fan-out reaches it on the wire. */
    private static void watchEveryEmployee() {
        SignedHttp http = new SignedHttp();
        TestActor watcher = peer.actor("watcher");
        for (Map.Entry<TestNode, String> employee : Map.of(finance, "alice", sales, "bob", hr, "carol").entrySet()) {
            TestNode node = employee.getKey();
            node.assembly().peers().add(peer.authority(), "watches what the node sends");
            peer.trustPublishedKeys(Responses.assertActivityJson(http.getUnsigned(node.baseUrl().resolve("/actor"))));
            peer.trustPublishedKeys(Responses.assertActivityJson(http.get(node.actorUri(employee.getValue()),
                    watcher.signingKey(), SignatureScheme.CAVAGE)));
            JsonObject follow = Activities.follow(peer.url("/activities/" + UUID.randomUUID()), watcher.id(),
                    node.actorUri(employee.getValue()));
            assertStatus(http.post(node.baseUrl().resolve("/inbox"), Activities.bytes(follow), watcher.signingKey(),
                    SignatureScheme.CAVAGE), 202);
        }
    }

    private static String lookup(TestNode node, String token, String acct) {
        return node.api(token).queryParam("acct", acct).get("/api/v1/accounts/lookup").then()
                .log().ifValidationFails().statusCode(200).extract().path("id");
    }

    private static void follow(TestNode node, String token, String accountId) {
        node.api(token).post("/api/v1/accounts/" + accountId + "/follow").then().log().ifValidationFails()
                .statusCode(200);
        Eventually.await("the follow of " + accountId + " on " + node.authority() + " to be accepted", WAIT,
                () -> node.api(token).queryParam("id[]", accountId).get("/api/v1/accounts/relationships").then()
                        .statusCode(200).extract().<Boolean>path("[0].following"));
    }

    private static String post(TestNode node, String token, Map<String, Object> status) {
        return node.api(token).contentType(ContentType.JSON).body(status).post("/api/v1/statuses").then()
                .log().ifValidationFails().statusCode(200).extract().path("id");
    }

    /** The id under which a viewer's node holds a post it received, once it has arrived. */
    private static String localId(TestNode node, String token, String uri) {
        return Eventually.await(uri + " to reach " + node.authority(), WAIT, () -> node.api(token)
                .get("/api/v1/timelines/home").then().statusCode(200).extract().<List<Map<String, Object>>>path("$")
                .stream().filter(status -> uri.equals(status.get("uri"))).map(status -> (String) status.get("id"))
                .findFirst().orElse(""), id -> !id.isEmpty());
    }

    private static void rsvp(TestNode node, String token, String eventUri, String answer) {
        String eventId = Eventually.await("the event to reach " + node.authority(), WAIT, () -> node.api(token)
                .get("/api/v1/events").then().statusCode(200).extract().<List<Map<String, Object>>>path("$").stream()
                .filter(event -> eventUri.equals(event.get("uri"))).map(event -> String.valueOf(event.get("id")))
                .findFirst().orElse(""), id -> !id.isEmpty());
        node.api(token).contentType(ContentType.JSON).body(Map.of("answer", answer))
                .post("/api/v1/events/" + eventId + "/rsvp").then().log().ifValidationFails().statusCode(200);
    }

    /** One body a node sent, and where it was seen. */
    private record Captured(String where, String type, byte[] body) {
    }

    private static List<Captured> captureAfterQueuesDrain() {
        Eventually.await("every delivery queue to drain", WAIT, () -> Stream.of(finance, sales, hr)
                .allMatch(node -> node.assembly().deliveries().count("queued") == 0
                        && node.assembly().deliveries().count("sending") == 0));
        List<Captured> captured = new ArrayList<>();
        peer.received().stream().filter(request -> request.method().equals("POST"))
                .forEach(request -> captured.add(new Captured("wire->" + request.target().getPath(),
                        JsonBodies.parse(request.body()).getString("type", "?"), request.body())));
        for (TestNode node : List.of(finance, sales, hr)) {
            List<byte[]> queued = node.assembly().database().inTransaction(connection -> {
                List<byte[]> bodies = new ArrayList<>();
                try (var statement = connection.prepareStatement("SELECT body FROM deliveries ORDER BY id");
                     ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        bodies.add(rows.getBytes(1));
                    }
                }
                return bodies;
            });
            queued.forEach(body -> captured.add(new Captured("queue@" + node.authority(),
                    JsonBodies.parse(body).getString("type", "?"), body)));
        }
        return captured;
    }
}
