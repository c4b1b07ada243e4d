package org.tributary.node.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.FederationError;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.spi.DeliveryJob;
import org.tributary.node.account.Role;
import org.tributary.node.testing.TestNode;

/**
 * The admin API on a real node (finance: admin ada, auditor aud, employee emma) with a peer (sales):
 * who may read and who may change, and what each action does to logins, tokens and peers' view.
 */
class AdminApiTest {
    private static TestNode finance;
    private static TestNode sales;
    private static String ada;
    private static String aud;
    private static String emma;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        finance.allow(sales);
        sales.allow(finance);
        finance.assembly().accounts().createEmployee("ada", TestNode.PASSWORD, null, Role.ADMIN);
        finance.assembly().accounts().createEmployee("aud", TestNode.PASSWORD, null, Role.AUDITOR);
        finance.addEmployee("emma");
        ada = finance.login("ada");
        aud = finance.login("aud");
        emma = finance.login("emma");
    }

    @AfterAll
    static void stopNodes() {
        finance.close();
        sales.close();
    }

    @Test
    void employeesMayNotUseTheAdminApiAtAll() {
        for (String path : List.of("/api/v1/admin/accounts", "/api/v1/admin/accounts/1", "/api/v1/admin/peers",
                "/api/v1/admin/deliveries/dead")) {
            finance.api(emma).get(path).then().statusCode(403).body("code", equalTo("admin_only"));
        }
        finance.api(emma).contentType(ContentType.JSON).body("{\"username\":\"eve\"}").post("/api/v1/admin/accounts")
                .then().statusCode(403).body("code", equalTo("admin_only"));
        finance.anonymous().get("/api/v1/admin/accounts").then().statusCode(401);
    }

    @Test
    void auditorsReadEverythingAndChangeNothing() {
        List<String> usernames = finance.api(aud).queryParam("local", true).get("/api/v1/admin/accounts").then()
                .statusCode(200).extract().jsonPath().getList("username");
        assertTrue(usernames.containsAll(List.of("ada", "aud", "emma")), usernames.toString());
        String emmaId = id("emma");
        finance.api(aud).get("/api/v1/admin/accounts/" + emmaId).then().statusCode(200)
                .body("role.name", equalTo("employee")).body("account.acct", equalTo("emma"));
        finance.api(aud).get("/api/v1/admin/peers").then().statusCode(200)
                .body("authority", org.hamcrest.Matchers.hasItem(sales.authority()));
        finance.api(aud).get("/api/v1/admin/deliveries/dead").then().statusCode(200);

        List<Response> attempts = List.of(
                finance.api(aud).contentType(ContentType.JSON).body("{\"username\":\"eve\"}")
                        .post("/api/v1/admin/accounts"),
                finance.api(aud).contentType(ContentType.JSON).body("{\"type\":\"suspend\"}")
                        .post("/api/v1/admin/accounts/" + emmaId + "/action"),
                finance.api(aud).post("/api/v1/admin/accounts/" + emmaId + "/unsuspend"),
                finance.api(aud).post("/api/v1/admin/accounts/" + emmaId + "/reset_password"),
                finance.api(aud).contentType(ContentType.JSON).body("{\"role\":\"admin\"}")
                        .post("/api/v1/admin/accounts/" + emmaId + "/role"),
                finance.api(aud).contentType(ContentType.JSON).body("{\"peer\":\"x.example\"}")
                        .post("/api/v1/admin/peers"),
                finance.api(aud).delete("/api/v1/admin/peers/" + sales.authority()),
                finance.api(aud).post("/api/v1/admin/deliveries/1/retry"));
        for (Response attempt : attempts) {
            attempt.then().statusCode(403).body("code", equalTo("read_only_role"));
        }
        finance.api(emma).get("/api/v1/accounts/verify_credentials").then().statusCode(200);
        assertTrue(finance.assembly().peers().isAllowedAuthority(sales.authority()));
    }

    @Test
    void adminsCreateAccountsWithAOneTimePassword() {
        var created = finance.api(ada).contentType(ContentType.JSON)
                .body("{\"username\":\"newbie\",\"display_name\":\"New Bie\",\"role\":\"employee\"}")
                .post("/api/v1/admin/accounts").then().statusCode(200).extract().jsonPath();
        String password = created.getString("password");
        assertNotNull(password);
        assertEquals("newbie", created.getString("account.username"));
        login("newbie", password).then().statusCode(200);
        finance.api(ada).contentType(ContentType.JSON).body("{\"username\":\"newbie\"}")
                .post("/api/v1/admin/accounts").then().statusCode(409);
        finance.api(ada).contentType(ContentType.JSON).body("{\"username\":\"x\",\"role\":\"king\"}")
                .post("/api/v1/admin/accounts").then().statusCode(422).body("code", equalTo("invalid_role"));
    }

    @Test
    void aSuspendedAccountCannotLogInItsTokensDieAndPeersSeeItGone() {
        finance.addEmployee("sam");
        String samToken = finance.login("sam");
        String samId = id("sam");
        assertInstanceOf(FetchResult.Fetched.class, sales.assembly().fetch(finance.actorUri("sam")));

        finance.api(ada).contentType(ContentType.JSON).body("{\"type\":\"suspend\"}")
                .post("/api/v1/admin/accounts/" + samId + "/action").then().statusCode(200)
                .body("suspended", equalTo(true));
        finance.api(samToken).get("/api/v1/accounts/verify_credentials").then().statusCode(401);
        login("sam", TestNode.PASSWORD).then().statusCode(400);
        FetchResult gone = sales.assembly().fetch(finance.actorUri("sam"));
        assertTrue(assertInstanceOf(FetchResult.Failed.class, gone).detail().contains("410"), gone.toString());
        finance.anonymous().queryParam("resource", "acct:sam@" + finance.authority())
                .get("/.well-known/webfinger").then().statusCode(404);
        List<String> listed = finance.api(emma).queryParam("local", true).get("/api/v1/directory").jsonPath()
                .getList("username");
        assertTrue(!listed.contains("sam"), listed.toString());

        finance.api(ada).post("/api/v1/admin/accounts/" + samId + "/unsuspend").then().statusCode(200)
                .body("suspended", equalTo(false));
        finance.api(samToken).get("/api/v1/accounts/verify_credentials").then().statusCode(401);
        login("sam", TestNode.PASSWORD).then().statusCode(200);

        finance.api(ada).contentType(ContentType.JSON).body("{\"type\":\"silence\"}")
                .post("/api/v1/admin/accounts/" + samId + "/action").then().statusCode(422);
        finance.api(ada).contentType(ContentType.JSON).body("{\"type\":\"suspend\"}")
                .post("/api/v1/admin/accounts/" + id("ada") + "/action").then().statusCode(422)
                .body("code", equalTo("cannot_suspend_self"));
    }

    @Test
    void aPasswordResetReplacesThePasswordAndEndsSessions() {
        finance.addEmployee("pat");
        String patToken = finance.login("pat");
        String password = finance.api(ada).post("/api/v1/admin/accounts/" + id("pat") + "/reset_password").then()
                .statusCode(200).extract().path("password");
        finance.api(patToken).get("/api/v1/accounts/verify_credentials").then().statusCode(401);
        login("pat", TestNode.PASSWORD).then().statusCode(400);
        login("pat", password).then().statusCode(200);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        finance.addEmployee("rita");
        String rita = finance.login("rita");
        finance.api(rita).get("/api/v1/admin/accounts").then().statusCode(403);
        finance.api(ada).contentType(ContentType.JSON).body("{\"role\":\"auditor\"}")
                .post("/api/v1/admin/accounts/" + id("rita") + "/role").then().statusCode(200)
                .body("role.name", equalTo("auditor"));
        finance.api(rita).get("/api/v1/admin/accounts").then().statusCode(200);
        finance.api(rita).post("/api/v1/admin/accounts/" + id("emma") + "/unsuspend").then().statusCode(403);
    }

    @Test
    void adminsManageTheAllowlist() {
        finance.api(ada).contentType(ContentType.JSON).body("{\"peer\":\"https://Legal.Example:8443/\",\"note\":\"legal\"}")
                .post("/api/v1/admin/peers").then().statusCode(200).body("authority", equalTo("legal.example:8443"))
                .body("note", equalTo("legal"));
        assertTrue(finance.assembly().peers().isAllowedAuthority("legal.example:8443"));
        finance.api(ada).delete("/api/v1/admin/peers/legal.example:8443").then().statusCode(204);
        assertTrue(!finance.assembly().peers().isAllowedAuthority("legal.example:8443"));
        finance.api(ada).delete("/api/v1/admin/peers/legal.example:8443").then().statusCode(404);
        finance.api(ada).contentType(ContentType.JSON).body("{\"peer\":\"not a host!\"}").post("/api/v1/admin/peers")
                .then().statusCode(422);
    }

    @Test
    void deadDeliveriesAreListedAndRetried() {
        // An allowlisted peer that is down: a retried delivery goes back to waiting, it is not dead at once.
        finance.assembly().peers().add("127.0.0.1:1", "down");
        var store = finance.assembly().deliveries();
        DeliveryJob job = store.enqueue(List.of(new DeliveryJob(0, URI.create(finance.baseUrl() + "/activities/x"),
                URI.create("http://127.0.0.1:1/inbox"), "{}".getBytes(), URI.create(finance.baseUrl() + "/actor#main-key"),
                0, Instant.now().plusSeconds(3600)))).get(0);
        store.deadLetter(job, "HTTP 410 " + FederationError.FETCH_FAILED.code());
        var dead = finance.api(aud).get("/api/v1/admin/deliveries/dead").then().statusCode(200).extract().jsonPath();
        assertTrue(dead.getList("id").contains(String.valueOf(job.id())), dead.prettify());
        finance.api(ada).post("/api/v1/admin/deliveries/" + job.id() + "/retry").then().statusCode(202);
        assertTrue(!finance.api(aud).get("/api/v1/admin/deliveries/dead").jsonPath().getList("id")
                .contains(String.valueOf(job.id())));
        finance.api(ada).post("/api/v1/admin/deliveries/" + job.id() + "/retry").then().statusCode(404);
        finance.assembly().peers().remove("127.0.0.1:1");
    }

    @Test
    void everyAdminActionIsRecordedInTheAuditLogWithWhoAndWhat() {
        finance.addEmployee("tom");
        String tomId = id("tom");
        String tomUri = finance.actorUri("tom").toString();
        String adaUri = finance.actorUri("ada").toString();
        finance.api(ada).contentType(ContentType.JSON).body("{\"type\":\"suspend\"}")
                .post("/api/v1/admin/accounts/" + tomId + "/action").then().statusCode(200);
        finance.api(ada).post("/api/v1/admin/accounts/" + tomId + "/unsuspend").then().statusCode(200);
        String password = finance.api(ada).post("/api/v1/admin/accounts/" + tomId + "/reset_password").then()
                .statusCode(200).extract().path("password");
        finance.api(ada).contentType(ContentType.JSON).body("{\"role\":\"auditor\"}")
                .post("/api/v1/admin/accounts/" + tomId + "/role").then().statusCode(200);
        finance.api(ada).contentType(ContentType.JSON).body("{\"peer\":\"audit.example\"}")
                .post("/api/v1/admin/peers").then().statusCode(200);

        for (String[] expected : List.of(new String[] {"admin.account", "account.suspend", tomUri},
                new String[] {"admin.account", "account.unsuspend", tomUri},
                new String[] {"admin.account", "account.reset-password", tomUri},
                new String[] {"admin.account", "account.role", tomUri},
                new String[] {"admin.peer-policy", "peer.add", "audit.example"})) {
            String entries = finance.api(aud).queryParam("kind", expected[0]).queryParam("type", expected[1])
                    .queryParam("actor", adaUri).get("/api/v1/admin/audit/entries").then().statusCode(200).extract()
                    .asString();
            assertTrue(entries.contains(expected[2]), expected[1] + " is recorded: " + entries);
            assertTrue(!entries.contains(password), "no password in the log");
        }
    }

    private static String id(String username) {
        return String.valueOf(finance.assembly().accounts().findLocal(username).orElseThrow().id());
    }

    private static Response login(String username, String password) {
        return finance.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", username).formParam("password", password).post("/oauth/token");
    }
}
