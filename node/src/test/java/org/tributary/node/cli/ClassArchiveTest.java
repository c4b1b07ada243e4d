package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @Test
    void theArchiveLiesNextToTheJarNamedAfterTheJvmThatMadeIt() {
        Path jar = Path.of("/opt/tributary/tributary-node.jar");

        assertEquals(Path.of("/opt/tributary/tributary-node-17.0.15+6-Debian-1deb12u1.jsa"),
                ClassArchive.path(jar, "17.0.15+6-Debian-1deb12u1"));
        assertEquals(Path.of("/opt/tributary/tributary-node-17_weird_.jsa"), ClassArchive.path(jar, "17/weird "));
    }

    @Test
    void onlyAnArchiveOfThisJvmAndNotOlderThanTheJarIsOffered(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("tributary-node.jar"), "");
        Instant built = Instant.parse("2026-11-26T10:00:00Z");
        Files.setLastModifiedTime(jar, FileTime.from(built));
        assertTrue(ClassArchive.option(jar, "17.0.15").isEmpty(), "no archive yet");

        Path archive = Files.writeString(ClassArchive.path(jar, "17.0.15"), "");
        Files.setLastModifiedTime(archive, FileTime.from(built.plusSeconds(5)));
        assertEquals(Optional.of("-XX:SharedArchiveFile=" + archive), ClassArchive.option(jar, "17.0.15"));
        assertTrue(ClassArchive.option(jar, "21.0.2").isEmpty(), "another JVM");

        Files.setLastModifiedTime(jar, FileTime.from(built.plusSeconds(60)));
        assertTrue(ClassArchive.option(jar, "17.0.15").isEmpty(), "the jar was rebuilt after the training");
    }
}
