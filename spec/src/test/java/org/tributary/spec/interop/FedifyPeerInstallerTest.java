package org.tributary.spec.interop;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FedifyPeerInstallerTest {
    @TempDir
    Path project;

    @TempDir
    Path logs;

    @Test
    void aDirectoryWithoutTheProjectIsReportedAsSuch() {
        FedifyPeerException failure = assertThrows(FedifyPeerException.class,
                () -> new FedifyPeerInstaller(project, logs).ensureInstalled());
        assertTrue(failure.getMessage().contains("no Fedify peer project"), failure.getMessage());
    }

    @Test
    void aMissingNpmGivesAClearMessage() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), "{}");
        FedifyPeerInstaller installer = new FedifyPeerInstaller(project, logs,
                List.of("no-such-npm-" + System.nanoTime(), "ci"));

        FedifyPeerException failure = assertThrows(FedifyPeerException.class, installer::ensureInstalled);

        assertTrue(failure.getMessage().contains("npm is not available"), failure.getMessage());
        assertTrue(failure.getMessage().contains("npm ci --prefix spec/interop/fedify-peer"), failure.getMessage());
    }

    @Test
    void aFailingInstallShowsItsOutput() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), "{}");
        FedifyPeerInstaller installer = new FedifyPeerInstaller(project, logs,
                List.of("sh", "-c", "echo registry unreachable; exit 3"));

        FedifyPeerException failure = assertThrows(FedifyPeerException.class, installer::ensureInstalled);

        assertTrue(failure.getMessage().contains("exit code 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("registry unreachable"), failure.getMessage());
    }

    @Test
    void anExistingInstallIsNotRedone() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), "{}");
        Path node = project.resolve("node_modules/.bin/node");
        Files.createDirectories(node.getParent());
        Files.createFile(node, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        // Would fail if it ran.
        FedifyPeerInstaller installer = new FedifyPeerInstaller(project, logs, List.of("sh", "-c", "exit 1"));

        assertDoesNotThrow(installer::ensureInstalled);
    }

    @Test
    void aSuccessfulInstallMustProvideNode() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), "{}");
        FedifyPeerInstaller installer = new FedifyPeerInstaller(project, logs, List.of("true"));

        FedifyPeerException failure = assertThrows(FedifyPeerException.class, installer::ensureInstalled);

        assertTrue(failure.getMessage().contains("is missing"), failure.getMessage());
    }
}
