package org.tributary.node.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.testing.TestNode;

/**
 * The organization directory on three real nodes (finance: alice, amy; sales: bob; hr: carol, cleo):
 * each node's own listing, the {@code /directory} collection peers read, and the search that asks every
 * allowlisted node at once, reporting a node that is down or silent without failing.
 */
class DirectoryAcrossNodesTest {
    private static TestNode finance;
    private static TestNode sales;
    private static TestNode hr;
    private static String alice;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        hr = TestNode.start("hr");
        finance.allow(sales, hr);
        sales.allow(finance, hr);
        hr.allow(finance, sales);
        finance.addEmployee("alice");
        finance.addEmployee("amy");
        sales.addEmployee("bob");
        hr.addEmployee("carol");
        hr.addEmployee("cleo");
        alice = finance.login("alice");
        profile(finance, "amy", "Data engineer", "Controlling");
        profile(sales, "bob", "Sales engineer", "Sales EMEA");
        profile(hr, "carol", "Recruiter", "People");
        profile(hr, "cleo", "Platform engineer", "People");
    }

    @AfterAll
    static void stopNodes() {
        Stream.of(finance, sales, hr).forEach(TestNode::close);
    }

    private static void profile(TestNode node, String username, String title, String department) {
        node.api(node.login(username)).contentType(ContentType.URLENC).formParam("title", title)
                .formParam("department", department).patch("/api/v1/accounts/update_credentials").then()
                .statusCode(200);
    }

    @Test
    void eachNodeListsItsOwnPeopleInMastodonsShape() {
        JsonPath listed = finance.api(alice).queryParam("local", true).queryParam("order", "new")
                .get("/api/v1/directory").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("amy", "alice"), listed.getList("username"), "newest first, no instance actor");
        assertEquals("Data engineer", listed.getString("[0].tributary.title"));
        assertEquals(List.of("amy"), finance.api(alice).queryParam("local", true).queryParam("limit", 1)
                .queryParam("order", "new").get("/api/v1/directory").jsonPath().getList("username"));
        assertEquals(List.of("alice"), finance.api(alice).queryParam("local", true).queryParam("offset", 1)
                .queryParam("order", "new").get("/api/v1/directory").jsonPath().getList("username"));
        finance.anonymous().get("/api/v1/directory").then().statusCode(401);
        finance.api(alice).queryParam("order", "sideways").get("/api/v1/directory").then().statusCode(400);
    }

    @Test
    void peersReadTheDirectoryWithASignedGetAndNobodyElseCan() {
        finance.anonymous().get("/directory").then().statusCode(401);
        FetchResult fetched = sales.assembly().fetch(java.net.URI.create(finance.baseUrl() + "/directory?q=engineer"));
        var collection = assertInstanceOf(FetchResult.Fetched.class, fetched).document();
        assertEquals("OrderedCollection", collection.getString("type"));
        var items = collection.getJsonArray("orderedItems");
        assertEquals(1, items.size());
        assertEquals(finance.actorUri("amy").toString(), items.getJsonObject(0).getString("id"));
        assertEquals("Controlling", items.getJsonObject(0).getString("department"));
        assertEquals("Data engineer", items.getJsonObject(0).getString("title"));
    }

    @Test
    void theSearchFindsColleaguesOnEveryNodeWithTheirNode() {
        JsonPath found = finance.api(alice).queryParam("q", "engineer").get("/api/v1/directory/search").then()
                .statusCode(200).extract().jsonPath();
        // Local people first, then each peer's in the order of the allowlist.
        List<String> order = new ArrayList<>(List.of(finance.authority()));
        finance.assembly().peers().list().forEach(peer -> order.add(peer.authority()));
        Map<String, String> engineerOn = Map.of(finance.authority(), "amy", sales.authority(), "bob",
                hr.authority(), "cleo");
        assertEquals(order.stream().map(node -> engineerOn.get(node) + "@" + node).toList(),
                found.getList("accounts.acct"));
        assertEquals(order, found.getList("accounts.node"));
        assertEquals("Sales EMEA", found.getString("accounts.find { it.username == 'bob' }.tributary.department"));
        assertEquals(order, found.getList("nodes.node"));
        assertEquals(List.of("ok", "ok", "ok"), found.getList("nodes.status"));
        assertEquals(List.of(1, 1, 1), found.getList("nodes.count"));

        JsonPath byDepartment = finance.api(alice).queryParam("q", "people recruiter")
                .get("/api/v1/directory/search").jsonPath();
        assertEquals(List.of("carol@" + hr.authority()), byDepartment.getList("accounts.acct"));
    }

    @Test
    void aNodeThatIsDownOrSilentIsReportedAndTheOthersStillAnswer() throws IOException {
        TestNode gone = TestNode.start("gone");
        String goneAuthority = gone.authority();
        gone.close();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String silentAuthority = "127.0.0.1:" + silent.getLocalPort();
            finance.assembly().peers().add(goneAuthority, "down");
            finance.assembly().peers().add(silentAuthority, "never answers");
            try {
                long started = System.nanoTime();
                JsonPath found = finance.api(alice).queryParam("q", "engineer").get("/api/v1/directory/search")
                        .then().statusCode(200).extract().jsonPath();
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(3, found.getList("accounts").size(), "the reachable nodes still answered");
                Map<String, String> statusByNode = new java.util.HashMap<>();
                for (int i = 0; i < found.getList("nodes").size(); i++) {
                    statusByNode.put(found.getString("nodes[" + i + "].node"), found.getString("nodes[" + i + "].status"));
                }
                assertEquals("failed", statusByNode.get(goneAuthority));
                assertEquals("timeout", statusByNode.get(silentAuthority));
                assertEquals("ok", statusByNode.get(hr.authority()));
                assertTrue(millis < 8000, "peers are asked in parallel, within the time limit: " + millis + " ms");
            } finally {
                finance.assembly().peers().remove(goneAuthority);
                finance.assembly().peers().remove(silentAuthority);
            }
        }
    }
}
