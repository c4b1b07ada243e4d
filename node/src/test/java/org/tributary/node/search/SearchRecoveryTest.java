package org.tributary.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.node.config.NodeConfig;
import org.tributary.node.testing.Eventually;
import org.tributary.node.testing.TestNode;

/**
 * A node whose search index lost its last changes (a crash between two of its batched commits, or an
 * index restored from a copy) finds them again after its next start: the index reads from the store
 * what changed since its last commit, and never shows a post deleted meanwhile.
 */
class SearchRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void postsTheIndexLostAreFoundAfterTheNextStart(@TempDir Path directory) {
        Path data = directory.resolve("node");
        Path index = data.resolve(NodeConfig.INDEX_DIR);
        Path copy = directory.resolve("index-copy");
        int port = TestNode.freePort();
        String pelican;
        String heron;
        try (TestNode node = TestNode.startOnDisk("finance", data, port)) {
            node.addEmployee("alice");
            String alice = node.login("alice");
            pelican = post(node, alice, "Pelican report");
            heron = post(node, alice, "Heron report");
        }
        copyTree(index, copy); // what the index had committed when the node stopped

        String puffin;
        try (TestNode node = TestNode.startOnDisk("finance", data, port)) {
            String alice = node.login("alice");
            node.api(alice).contentType(ContentType.JSON).body(Map.of("status", "Cormorant report"))
                    .put("/api/v1/statuses/" + pelican).then().statusCode(200);
            puffin = post(node, alice, "Puffin report");
            node.api(alice).delete("/api/v1/statuses/" + heron).then().statusCode(200);
            node.addEmployee("dora");
            assertEquals(List.of(puffin), statusIds(node, alice, "puffin"));
        }
        deleteTree(index);
        copyTree(copy, index); // the index loses everything the second run did

        try (TestNode node = TestNode.startOnDisk("finance", data, port)) {
            String alice = node.login("alice");
            Eventually.await("the lost changes are indexed again", WAIT,
                    () -> statusIds(node, alice, "puffin").equals(List.of(puffin))
                            && statusIds(node, alice, "cormorant").equals(List.of(pelican))
                            && accounts(node, alice, "dora").equals(List.of("dora")));
            assertEquals(List.of(), statusIds(node, alice, "pelican"), "the edit replaced the old words");
            assertEquals(List.of(), statusIds(node, alice, "heron"),
                    "the deleted post is still in the copied index, but never shown");
        }
    }

    private static String post(TestNode node, String token, String text) {
        return node.api(token).contentType(ContentType.JSON).body(Map.of("status", text, "visibility", "public"))
                .post("/api/v1/statuses").then().statusCode(200).extract().path("id");
    }

    private static List<String> statusIds(TestNode node, String token, String q) {
        return node.api(token).queryParams(Map.of("q", q, "type", "statuses")).get("/api/v2/search").then()
                .statusCode(200).extract().jsonPath().getList("statuses.id");
    }

    private static List<String> accounts(TestNode node, String token, String q) {
        return node.api(token).queryParams(Map.of("q", q, "type", "accounts")).get("/api/v2/search").then()
                .statusCode(200).extract().jsonPath().getList("accounts.acct");
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals("write.lock")) {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
