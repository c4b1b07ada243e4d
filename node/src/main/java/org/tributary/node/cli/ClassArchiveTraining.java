package org.tributary.node.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Role;
import org.tributary.node.cli.TrainingRequests.TrainingFailure;
import org.tributary.node.config.ConfigLoader;

/**
 * Makes the class-data archive ({@link ClassArchive}) when the jar is built: starts a node from the jar as
 * the start script does, on a throwaway data directory, with {@code -XX:ArchiveClassesAtExit}; lets it serve
 * {@link TrainingRequests}; and stops it with SIGTERM, as an operator would. The JVM writes the classes it
 * loaded as it exits. Run by the build as {@code java -cp tributary-node.jar
 * org.tributary.node.cli.ClassArchiveTraining}, with the JDK the build runs on.
 *
 * <p>A failed training does not fail the build: the archive only makes nodes start sooner, and nodes start
 * without it. It says so loudly, with the training node's log, and leaves no archive behind.
 */
public final class ClassArchiveTraining {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final String LOG_NAME = "class-archive-training.log";

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path jar = Path.of(System.getProperty("java.class.path")).toRealPath();
        Path archive = ClassArchive.path(jar, TargetJvm.current().version());
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        Path log = jar.resolveSibling(LOG_NAME);
        // An archive of the jar this build replaced is of no use; a failed training must leave none.
        Files.deleteIfExists(archive);
        Files.deleteIfExists(partial);
        Path data = Files.createTempDirectory("tributary-training-");
        try {
            train(jar, partial, data, log);
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(Locale.ROOT, "class-data archive %s (%d MB), trained in %.1f s%n", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1e9);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            System.err.println("[WARNING] ********************************************************************");
            System.err.println("[WARNING] No class-data archive was made: "
                    + (e instanceof TrainingFailure ? e.getMessage() : e.toString()));
            System.err.println("[WARNING] Nodes start without it, about a third slower. The training node's log: "
                    + log);
            System.err.println("[WARNING] ********************************************************************");
        } finally {
            deleteTree(data);
        }
        System.exit(0); // whatever the training left running in this JVM (HTTP client, Derby) must not hold it
    }

    private static void train(Path jar, Path partial, Path data, Path log) throws IOException, InterruptedException {
        int port = freePort();
        String password = randomPassword();
        prepare(data, port, password);
        Process node = start(jar, partial, data, log);
        try {
            TrainingRequests requests = new TrainingRequests(URI.create("http://127.0.0.1:" + port));
            requests.awaitServing(START_LIMIT, node::isAlive);
            requests.run(password);
        } finally {
            stop(node);
        }
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            throw new TrainingFailure("the JVM wrote no archive (a JDK without a base class-data archive "
                    + "cannot make one)");
        }
    }

    /**
     * A data directory with one employee, made the way {@code init} and {@code user add} make it. Its store is
     * thrown away after the training: creating it needs no durable commits, which would take seconds.
     */
    private static void prepare(Path data, int port, String password) {
        System.setProperty("derby.system.durability", "test");
        ConfigLoader.write(data, URI.create("http://127.0.0.1:" + port), "127.0.0.1", port, "training");
        try (NodeAssembly node = NodeCommands.open(data)) {
            node.accounts().ensureInstanceActor();
            node.accounts().createEmployee(TrainingRequests.USERNAME, password, "Trainer", Role.EMPLOYEE);
        }
    }

    /**
     * The node's JVM as the start script starts it, the archive being written instead of read. Only the
     * quick first compiler runs: compiled code is not archived, and the second compiler would only add seconds
     * of work to the build. (The defaults that only recent JVMs have are about native memory under load, which
     * makes no difference to the classes a node loads.)
     */
    private static Process start(Path jar, Path partial, Path data, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ArchiveClassesAtExit=" + partial);
        command.addAll(JvmOptions.BASE_DEFAULTS);
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of("-jar", jar.toString(), "serve", "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The builder's own TRIBUTARY_* settings (a port, JVM options) are not the training node's.
        builder.environment().keySet().removeIf(name -> name.startsWith("TRIBUTARY_"));
        JvmOptions.applyTo(builder.environment());
        return builder.start();
    }

    private static void stop(Process node) throws InterruptedException {
        node.destroy();
        if (!node.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            node.destroyForcibly().waitFor();
            throw new TrainingFailure("the node did not stop within " + STOP_LIMIT.toSeconds() + " s of SIGTERM");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
