package org.tributary.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The class-data archive of the node's jar: the classes a node loads from its start to its first requests,
 * already parsed and verified, mapped from one file instead of read from the jar one by one. It takes about
 * a third off the time from start to serving. The build makes it next to the jar ({@link ClassArchiveTraining}).
 *
 * <p>A JVM can use an archive only if the same JVM build made it, from the same jar at the same path; it
 * checks this itself and otherwise starts without the archive, but prints a warning at every start. So the
 * archive's name carries the version of the JVM that made it, and an archive older than the jar (a jar rebuilt
 * without training) is not offered: running the node on another JDK just means no archive, quietly.
 *
 * <p>The JDK maps the archive at a random address and relocates every pointer in it at start, so all of it is
 * resident in every node, used or not: it should hold what a working node loads (start-up, discovery, its
 * employees' client API: {@link TrainingRequests}), and not what only some nodes load now and then, such as
 * the audit log's SPARQL engine.
 */
final class ClassArchive {
    private ClassArchive() {
    }

    /** Where the archive for {@code jar} made by JVM {@code jvmVersion} lies: next to the jar. */
    static Path path(Path jar, String jvmVersion) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.resolveSibling(name + "-" + jvmVersion.replaceAll("[^A-Za-z0-9._+-]", "_") + ".jsa");
    }

    /** The option that maps the archive, when one made by this JVM for this build of the jar exists. */
    static Optional<String> option(Path jar, String jvmVersion) {
        Path archive = path(jar, jvmVersion);
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return Optional.of("-XX:SharedArchiveFile=" + archive);
            }
        } catch (IOException unreadable) {
            // no archive is only slower
        }
        return Optional.empty();
    }
}
