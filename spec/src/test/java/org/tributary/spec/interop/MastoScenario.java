package org.tributary.spec.interop;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tributary.node.testing.TestNode;

/**
 * Runs {@code interop/masto-client/scenario.mjs} (masto, a Mastodon client library) against two
 * nodes and returns the steps it recorded. The script's stderr goes to {@code target/masto-client.log}.
 */
final class MastoScenario {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private MastoScenario() {
    }

    static JsonObject run(TestNode nodeA, String userA, TestNode nodeB, String userB) {
        Path specModule = specModule();
        NpmProjectInstaller project = new NpmProjectInstaller(specModule.resolve("interop").resolve("masto-client"),
                specModule.resolve("target"), "masto-client");
        project.ensureInstalled();
        Path log = specModule.resolve("target").resolve("masto-client.log").toAbsolutePath();
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(project.nodeBinary().toString(), "scenario.mjs",
                    nodeA.baseUrl().toString(), userA, nodeB.baseUrl().toString(), userB))
                    .directory(project.directory().toFile()).redirectError(log.toFile());
            builder.environment().put("MASTO_PASSWORD", TestNode.PASSWORD);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the masto scenario took longer than " + TIMEOUT);
            }
            String output = new String(stdout, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || output.isEmpty()) {
                throw new IllegalStateException("the masto scenario failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(log));
            }
            String lastLine = output.substring(output.lastIndexOf('\n') + 1);
            try (JsonReader reader = Json.createReader(new StringReader(lastLine))) {
                return reader.readObject().getJsonObject("steps");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run the masto scenario", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the masto scenario", e);
        }
    }

    private static Path specModule() {
        Path workingDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        // Maven runs tests in the module directory; an IDE may run them from the repository root.
        return Files.isDirectory(workingDirectory.resolve("interop")) ? workingDirectory
                : workingDirectory.resolve("spec");
    }
}
