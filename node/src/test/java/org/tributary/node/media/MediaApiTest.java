package org.tributary.node.media;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.testing.TestNode;

/**
 * The media API on a real node: uploads checked by their bytes and limits, storage, description rules,
 * attaching to posts, and who may read the served file with which headers. Small limits (8 KiB images,
 * 16 KiB documents) keep the over-limit uploads small.
 */
class MediaApiTest {
    private static final MediaLimits LIMITS = new MediaLimits(8 * 1024, 16 * 1024, 40_000_000L, 100, 4);

    private static TestNode node;
    private static String alice;
    private static String carol;

    @BeforeAll
    static void startNode() {
        node = TestNode.start("media-api", Clock.systemUTC(), LIMITS);
        node.addEmployee("alice");
        node.addEmployee("carol");
        alice = node.login("alice");
        carol = node.login("carol");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void uploadsAPngWithItsSizeReadFromTheBytes() {
        Response upload = upload(alice, "/api/v2/media", "photo.png", "image/png", TestFiles.png(6, 4), "a chart");
        upload.then().statusCode(200).body("type", equalTo("image")).body("description", equalTo("a chart"))
                .body("meta.original.width", equalTo(6)).body("meta.original.height", equalTo(4))
                .body("meta.original.size", equalTo("6x4")).body("meta.original.aspect", equalTo(1.5f))
                .body("remote_url", nullValue())
                .body("url", equalTo(node.baseUrl() + "/media/" + MediaFileStore.sha256(TestFiles.png(6, 4))));
        String id = upload.path("id");
        node.api(alice).get("/api/v1/media/" + id).then().statusCode(200).body("id", equalTo(id));
        node.api(carol).get("/api/v1/media/" + id).then().statusCode(404);
    }

    @Test
    void detectsTheTypeFromTheBytesNotTheNameOrHeader() {
        upload(alice, "/api/v1/media", "report.png", "image/png",
                TestFiles.ascii("<!doctype html><html><body><script>alert(1)</script>"), null)
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        upload(alice, "/api/v1/media", "logo.svg", "image/svg+xml",
                TestFiles.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), null)
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        upload(alice, "/api/v1/media", "cat.png", "image/png",
                TestFiles.concat(TestFiles.png(2, 2), TestFiles.ascii("<html><script>x</script>")), null)
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        // A JPEG sent as "a PDF named .pdf" is still a JPEG.
        upload(alice, "/api/v1/media", "minutes.pdf", "application/pdf", TestFiles.jpeg(3, 2), null)
                .then().statusCode(200).body("type", equalTo("image")).body("meta.original.width", equalTo(3));
    }

    @Test
    void refusesFilesOverTheLimitOfTheirKind() throws Exception {
        byte[] bigImage = TestFiles.noisyPng(60, 60); // about 10 KiB: over the image limit, under the document one
        upload(alice, "/api/v2/media", "big.png", "image/png", bigImage, null)
                .then().statusCode(413).body("code", equalTo("media_too_large"));
        // Refused from its declared length, before the body is read: the server answers and closes while the
        // client may still be writing. REST Assured's client then fails with a broken pipe; the JDK's reads the
        // response while it sends, as a browser does.
        HttpResponse<String> huge = uploadReadingEarlyAnswer(alice, "/api/v2/media", "huge.pdf", "application/pdf",
                new byte[200 * 1024]);
        assertEquals(413, huge.statusCode());
        assertTrue(huge.body().contains("\"media_too_large\""), huge.body());
        upload(alice, "/api/v2/media", "doc.pdf", "application/pdf", TestFiles.pdf(), null)
                .then().statusCode(200).body("type", equalTo("unknown")).body("meta.original", nullValue())
                .body("preview_url", nullValue());
    }

    @Test
    void requiresABearerTokenAndAFilePart() {
        node.anonymous().multiPart("file", "a.png", TestFiles.png(1, 1), "image/png").post("/api/v2/media")
                .then().statusCode(401);
        node.api(alice).multiPart("description", "no file").post("/api/v2/media").then().statusCode(422)
                .body("code", equalTo("file_missing"));
    }

    @Test
    void storesIdenticalUploadsOnce() throws IOException {
        byte[] bytes = TestFiles.gif(5, 5);
        String first = upload(alice, "/api/v2/media", "a.gif", "image/gif", bytes, "one").then().statusCode(200)
                .extract().path("id");
        Response second = upload(carol, "/api/v2/media", "b.gif", "image/gif", bytes, "two");
        second.then().statusCode(200).body("description", equalTo("two"));
        assertNotEquals(first, second.path("id"));
        String sha256 = MediaFileStore.sha256(bytes);
        try (Stream<Path> files = Files.walk(node.assembly().config().dataDir().resolve("media"))) {
            assertEquals(1, files.filter(path -> path.getFileName().toString().equals(sha256)).count());
        }
    }

    @Test
    void onlyTheOwnerChangesADescriptionAndOnlyBeforeItIsAttached() {
        String id = upload(alice, "/api/v2/media", "d.png", "image/png", TestFiles.png(9, 9), "first")
                .then().statusCode(200).extract().path("id");
        node.api(carol).contentType(ContentType.JSON).body(Map.of("description", "mine now"))
                .put("/api/v1/media/" + id).then().statusCode(404);
        node.api(alice).formParam("description", "second").put("/api/v1/media/" + id).then().statusCode(200)
                .body("description", equalTo("second"));
        node.api(alice).contentType(ContentType.JSON).body(Map.of("description", "x".repeat(101)))
                .put("/api/v1/media/" + id).then().statusCode(422).body("code", equalTo("description_too_long"));
        post(alice, "with a picture", "public", List.of(id)).then().statusCode(200)
                .body("media_attachments", hasSize(1)).body("media_attachments[0].id", equalTo(id))
                .body("media_attachments[0].description", equalTo("second"));
        node.api(alice).formParam("description", "third").put("/api/v1/media/" + id).then().statusCode(422)
                .body("code", equalTo("media_already_attached"));
    }

    @Test
    void attachesOnlyOnesOwnUnattachedMediaAndAtMostFour() {
        String carols = uploadPng(carol, 11);
        post(alice, "stealing", "public", List.of(carols)).then().statusCode(422).body("code", equalTo("invalid_media"));
        List<String> five = List.of(uploadPng(alice, 12), uploadPng(alice, 13), uploadPng(alice, 14),
                uploadPng(alice, 15), uploadPng(alice, 16));
        post(alice, "too many", "public", five).then().statusCode(422).body("code", equalTo("too_many_media"));
        post(alice, "four", "public", five.subList(0, 4)).then().statusCode(200).body("media_attachments", hasSize(4))
                .body("media_attachments.id", equalTo(five.subList(0, 4)));
        post(alice, "again", "public", List.of(five.get(0))).then().statusCode(422)
                .body("code", equalTo("invalid_media"));
        // The refused posts took nothing: the fifth upload is still free, and a post may be media only.
        post(alice, "", "public", List.of(five.get(4))).then().statusCode(200).body("media_attachments", hasSize(1));
    }

    @Test
    void servesTheFileWithHeadersThatKeepItInert() {
        byte[] png = TestFiles.png(8, 8);
        String url = upload(alice, "/api/v2/media", "e.png", "image/png", png, null).then().statusCode(200)
                .extract().path("url");
        String sha256 = MediaFileStore.sha256(png);
        Response served = node.api(alice).get(url);
        served.then().statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"" + sha256 + ".png\"")
                .header("ETag", "\"" + sha256 + "\"").header("Cache-Control", endsWith("immutable"));
        assertArrayEquals(png, served.asByteArray());
        node.api(alice).header("If-None-Match", "\"" + sha256 + "\"").get(url).then().statusCode(304);

        String pdfUrl = upload(alice, "/api/v2/media", "f.pdf", "application/pdf", TestFiles.pdfWith("/Lang (en)"), null)
                .then().statusCode(200).extract().path("url");
        node.api(alice).get(pdfUrl).then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdfUrl.substring(pdfUrl.lastIndexOf('/') + 1)
                        + ".pdf\"");
    }

    @Test
    void letsOnlyTheOwnerReadUnattachedMediaAndReadersOfThePostReadAttachedMedia() {
        byte[] png = TestFiles.png(10, 10);
        String id = upload(alice, "/api/v2/media", "g.png", "image/png", png, null).then().statusCode(200)
                .extract().path("id");
        String url = node.baseUrl() + "/media/" + MediaFileStore.sha256(png);
        node.anonymous().get(url).then().statusCode(401);
        node.api("not-a-token").get(url).then().statusCode(401);
        node.api(carol).get(url).then().statusCode(404);
        node.api(alice).get(url).then().statusCode(200);

        post(alice, "for everyone here", "public", List.of(id)).then().statusCode(200);
        node.api(carol).get(url).then().statusCode(200);
        node.anonymous().get(url).then().statusCode(401);
        node.api(carol).get(node.baseUrl() + "/media/" + "0".repeat(64)).then().statusCode(404);
        node.api(carol).get(node.baseUrl() + "/media/not-a-hash").then().statusCode(404);
    }

    private static String uploadPng(String token, int size) {
        return upload(token, "/api/v2/media", "p.png", "image/png", TestFiles.png(size, size), null).then()
                .statusCode(200).extract().path("id");
    }

    static Response upload(String token, String path, String fileName, String contentType, byte[] bytes,
            String description) {
        var request = node.api(token).multiPart("file", fileName, bytes, contentType);
        if (description != null) {
            request = request.multiPart("description", description);
        }
        return request.post(path);
    }

    private static HttpResponse<String> uploadReadingEarlyAnswer(String token, String path, String fileName,
            String contentType, byte[] bytes) throws IOException, InterruptedException {
        String boundary = "tributary-test-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(bytes);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(node.baseUrl().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Response post(String token, String text, String visibility, List<String> mediaIds) {
        return node.api(token).contentType(ContentType.JSON)
                .body(Map.of("status", text, "visibility", visibility, "media_ids", mediaIds))
                .post("/api/v1/statuses");
    }
}
