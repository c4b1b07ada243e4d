package org.tributary.node.media;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.restassured.http.ContentType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * Media between real nodes: bob@sales posts a picture and a PDF; alice@finance, who follows him, sees
 * them as references to sales' URLs; finance can read the files with a signed GET; legal, which sales
 * does not allowlist, cannot; and a department-only post's file is not served to any peer.
 */
class MediaFederationTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static TestNode finance;
    private static TestNode sales;
    private static TestNode legal;

    @BeforeAll
    static void startNodes() {
        finance = TestNode.start("finance");
        sales = TestNode.start("sales");
        legal = TestNode.start("legal");
        finance.allow(sales);
        sales.allow(finance);
        legal.allow(sales); // legal would fetch from sales, but sales does not allowlist legal
        finance.addEmployee("alice");
        sales.addEmployee("bob");
    }

    @AfterAll
    static void stopNodes() {
        finance.close();
        sales.close();
        legal.close();
    }

    @Test
    void anAttachedImageReachesTheFollowerAsAReferenceAndIsServedOnlyToAllowlistedPeers() {
        String alice = finance.login("alice");
        String bob = sales.login("bob");
        String bobId = finance.api(alice).queryParam("acct", "bob@" + sales.authority())
                .get("/api/v1/accounts/lookup").then().statusCode(200).extract().path("id");
        finance.api(alice).post("/api/v1/accounts/" + bobId + "/follow").then().statusCode(200);
        Eventually.await("bob to accept alice's follow", WAIT, () -> finance.api(alice).queryParam("id[]", bobId)
                .get("/api/v1/accounts/relationships").then().statusCode(200).extract().<Boolean>path("[0].following"));

        byte[] png = TestFiles.png(12, 6);
        String imageId = upload(bob, png, "revenue by month");
        String pdfId = upload(bob, TestFiles.pdf(), "the full report");
        String noteUri = sales.api(bob).contentType(ContentType.JSON)
                .body(Map.of("status", "Q3 in pictures", "visibility", "public", "media_ids", List.of(imageId, pdfId)))
                .post("/api/v1/statuses").then().statusCode(200).extract().path("uri");

        String imageUrl = sales.baseUrl() + "/media/" + MediaFileStore.sha256(png);
        List<Map<String, Object>> media = Eventually.await("bob's post with media at finance", WAIT,
                () -> finance.api(alice).get("/api/v1/timelines/home").then().statusCode(200)
                        .extract().<List<Map<String, Object>>>path("[0].media_attachments"),
                found -> found != null && !found.isEmpty());
        assertEquals(2, media.size());
        assertEquals("image", media.get(0).get("type"));
        assertEquals(imageUrl, media.get(0).get("url"));
        assertEquals(imageUrl, media.get(0).get("remote_url"));
        assertEquals("revenue by month", media.get(0).get("description"));
        assertEquals(Map.of("width", 12, "height", 6, "size", "12x6", "aspect", 2.0f),
                ((Map<?, ?>) media.get(0).get("meta")).get("original"));
        assertEquals("unknown", media.get(1).get("type"));
        assertEquals("the full report", media.get(1).get("description"));

        // The Note itself, fetched by id, carries the same attachments.
        FetchResult.Fetched note = assertInstanceOf(FetchResult.Fetched.class,
                finance.assembly().fetch(URI.create(noteUri)));
        JsonArray attachment = note.document().getJsonArray("attachment");
        assertEquals(2, attachment.size());
        JsonObject image = attachment.getJsonObject(0);
        assertEquals("Image", image.getString("type"));
        assertEquals("image/png", image.getString("mediaType"));
        assertEquals(imageUrl, image.getString("url"));
        assertEquals("revenue by month", image.getString("name"));
        assertEquals(12, image.getInt("width"));
        assertEquals(6, image.getInt("height"));
        assertEquals("Document", attachment.getJsonObject(1).getString("type"));
        assertEquals("application/pdf", attachment.getJsonObject(1).getString("mediaType"));

        RemoteMediaFetcher.Result.Fetched fetched = assertInstanceOf(RemoteMediaFetcher.Result.Fetched.class,
                finance.assembly().fetchMedia(URI.create(imageUrl)));
        assertArrayEquals(png, fetched.body());
        assertEquals("image/png", fetched.contentType());

        RemoteMediaFetcher.Result.Failed refused = assertInstanceOf(RemoteMediaFetcher.Result.Failed.class,
                legal.assembly().fetchMedia(URI.create(imageUrl)));
        assertEquals(403, refused.status());
    }

    @Test
    void aDepartmentPostsFileIsNotServedToPeers() {
        String bob = sales.login("bob");
        byte[] png = TestFiles.png(3, 7);
        String id = upload(bob, png, null);
        sales.api(bob).contentType(ContentType.JSON)
                .body(Map.of("status", "inside sales only", "visibility", "department", "media_ids", List.of(id)))
                .post("/api/v1/statuses").then().statusCode(200).body("media_attachments[0].id", equalTo(id));
        URI url = URI.create(sales.baseUrl() + "/media/" + MediaFileStore.sha256(png));
        RemoteMediaFetcher.Result.Failed refused = assertInstanceOf(RemoteMediaFetcher.Result.Failed.class,
                finance.assembly().fetchMedia(url));
        assertEquals(404, refused.status());
        sales.api(bob).get(url.toString()).then().statusCode(200);
    }

    private static String upload(String token, byte[] bytes, String description) {
        var request = sales.api(token).multiPart("file", "upload.bin", bytes, "application/octet-stream");
        if (description != null) {
            request = request.multiPart("description", description);
        }
        return request.post("/api/v2/media").then().statusCode(200).extract().path("id");
    }
}
