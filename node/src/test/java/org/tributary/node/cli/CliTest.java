package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code tributary} command run in-process, as {@code main} wires it but without its
 * {@code System.exit}, against a real data directory (on-disk Derby). Tests share one initialised
 * node directory and run in order: init, then users, then peers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {
    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @TempDir
    static Path temp;
    static Path dataDir;

    @BeforeAll
    static void locateDataDir() {
        dataDir = temp.resolve("finance");
    }

    @Test
    @Order(1)
    void initCreatesTheConfigAndTheDatabase() {
        Run run = tributary("init", "--data", dataDir.toString(), "--base-url", "http://127.0.0.1:8081",
                "--department", "finance");

        assertEquals(0, run.exitCode(), run::all);
        assertTrue(run.out().contains("initialised finance node at http://127.0.0.1:8081"), run::all);
        assertTrue(Files.isRegularFile(dataDir.resolve("tributary.properties")));
        assertTrue(Files.isDirectory(dataDir.resolve("db")));
        assertEquals(new Run(0, "", ""), tributary("user", "list", "--data", dataDir.toString()),
                "the instance actor is not listed as an employee");
    }

    @Test
    @Order(2)
    void aSecondInitFailsCleanly() throws Exception {
        String before = Files.readString(dataDir.resolve("tributary.properties"));
        Run run = tributary("init", "--data", dataDir.toString(), "--base-url", "http://127.0.0.1:9999",
                "--department", "sales");

        assertEquals(2, run.exitCode());
        assertEquals("error: " + dataDir.resolve("tributary.properties") + " already exists", run.err().strip());
        assertEquals(before, Files.readString(dataDir.resolve("tributary.properties")));
    }

    @Test
    @Order(3)
    void userAddThenUserListShowsTheEmployee() {
        Run add = tributary("user", "add", "alice", "--password", "correct horse battery", "--display-name", "Alice",
                "--data", dataDir.toString());
        assertEquals(0, add.exitCode(), add::all);
        assertEquals("created alice (http://127.0.0.1:8081/users/alice)", add.out().strip(),
                "a given password is not echoed");

        Run generated = tributary("user", "add", "audrey", "--role", "auditor", "--data", dataDir.toString());
        assertEquals(0, generated.exitCode(), generated::all);
        assertTrue(generated.out().contains("\npassword: "), "a generated password is printed once");

        Run list = tributary("user", "list", "--data", dataDir.toString());
        assertEquals(0, list.exitCode(), list::all);
        assertEquals(List.of("alice\temployee\thttp://127.0.0.1:8081/users/alice",
                "audrey\tauditor\thttp://127.0.0.1:8081/users/audrey"), list.out().lines().toList());
    }

    @Test
    @Order(4)
    void userAddExplainsRefusalsInOneLine() {
        Run taken = tributary("user", "add", "alice", "--password", "another password", "--data", dataDir.toString());
        assertEquals(2, taken.exitCode());
        assertEquals("error [username_taken]: the username alice is taken", taken.err().strip());

        Run invalid = tributary("user", "add", "Bad Name", "--password", "correct horse", "--data",
                dataDir.toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().startsWith("error [invalid_username]: "), invalid::all);

        Run weak = tributary("user", "add", "bob", "--password", "short", "--data", dataDir.toString());
        assertEquals(2, weak.exitCode());
        assertTrue(weak.err().startsWith("error [weak_password]: "), weak::all);
        assertFalse(weak.all().contains("\tat "), "no stack trace");
    }

    @Test
    @Order(5)
    void peerAddListRemove() {
        Run add = tributary("peer", "add", "Sales.Example:8443", "--note", "sales dept", "--data", dataDir.toString());
        assertEquals(0, add.exitCode(), add::all);
        assertEquals("allowed sales.example:8443", add.out().strip());
        assertEquals("allowed engineering.example",
                tributary("peer", "add", "https://engineering.example/", "--data", dataDir.toString()).out().strip());

        List<String> listed = tributary("peer", "list", "--data", dataDir.toString()).out().lines().toList();
        assertEquals(2, listed.size(), listed::toString);
        assertTrue(listed.get(0).startsWith("engineering.example\t"), listed::toString);
        assertTrue(listed.get(1).startsWith("sales.example:8443\t") && listed.get(1).endsWith("\tsales dept"),
                listed::toString);

        Run remove = tributary("peer", "remove", "sales.example:8443", "--data", dataDir.toString());
        assertEquals(new Run(0, "removed sales.example:8443", ""), trimmed(remove));
        Run again = tributary("peer", "remove", "sales.example:8443", "--data", dataDir.toString());
        assertEquals(new Run(1, "sales.example:8443 was not on the allowlist", ""), trimmed(again));
        assertEquals(1, tributary("peer", "list", "--data", dataDir.toString()).out().lines().count());

        Run garbage = tributary("peer", "add", "not a host!", "--data", dataDir.toString());
        assertEquals(2, garbage.exitCode());
        assertTrue(garbage.err().startsWith("error: "), garbage::all);
    }

    @Test
    @Order(6)
    void aDataDirectoryInUseByARunningNodeGivesAClearError() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DataDirHolder.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                seen.add(line);
            }
            assertEquals("ready", line, () -> "the holder did not open the data directory: " + seen);

            Run run = tributary("user", "list", "--data", dataDir.toString());

            assertEquals(2, run.exitCode(), run::all);
            assertEquals("error: the node in " + dataDir + " is running; stop it first", run.err().strip());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertEquals(0, tributary("user", "list", "--data", dataDir.toString()).exitCode(),
                "the directory opens again once the other node stopped");
    }

    @Test
    @Order(7)
    void userSuspendUnsuspendResetPasswordAndRole() {
        String data = dataDir.toString();
        Run suspend = tributary("user", "suspend", "alice", "--data", data);
        assertEquals(new Run(0, "suspended alice\n", ""), suspend);
        assertTrue(tributary("user", "list", "--data", data).out().lines()
                .anyMatch(line -> line.startsWith("alice\t") && line.endsWith("\tsuspended")));
        assertEquals(new Run(0, "unsuspended alice\n", ""), tributary("user", "unsuspend", "alice", "--data", data));
        assertFalse(tributary("user", "list", "--data", data).out().contains("suspended"));

        Run reset = tributary("user", "reset-password", "alice", "--data", data);
        assertEquals(0, reset.exitCode(), reset::all);
        assertTrue(reset.out().strip().matches("password: [A-Za-z0-9_-]{20}"), reset::all);

        assertEquals(new Run(0, "alice is now auditor\n", ""), tributary("user", "role", "alice", "auditor",
                "--data", data));
        Run badRole = tributary("user", "role", "alice", "overlord", "--data", data);
        assertEquals(2, badRole.exitCode(), badRole::all);
        Run nobody = tributary("user", "suspend", "nobody", "--data", data);
        assertEquals(2, nobody.exitCode(), nobody::all);
    }

    @Test
    void commandsOnADirectoryWithoutConfigSayToRunInit() {
        Path empty = temp.resolve("empty");
        Run run = tributary("peer", "list", "--data", empty.toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: no tributary.properties in " + empty.toAbsolutePath() + "; run 'tributary init' first",
                run.err().strip());
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        Run run = tributary("init", "--data", temp.resolve("never").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required options"), run::all);
        assertFalse(Files.exists(temp.resolve("never")));
    }

    @Test
    void everyCommandAndSubcommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new TributaryCommand()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 11, paths::toString);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run run = tributary(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), () -> path + ": " + run.all());
            String usage = "Usage: " + String.join(" ", prepend("tributary", path));
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(usage)),
                    () -> path + " prints its usage: " + run.all());
        }
    }

    @Test
    void theTopLevelCommandAndGroupsPrintUsage() {
        Run bare = tributary();
        assertEquals(0, bare.exitCode(), bare::all);
        assertTrue(bare.out().startsWith("Usage: tributary"), bare::all);
        assertTrue(bare.out().contains("init") && bare.out().contains("peer"), bare::all);

        Run version = tributary("--version");
        assertEquals(new Run(0, "tributary 0.1.0", ""), trimmed(version));

        Run group = tributary("user");
        assertEquals(2, group.exitCode(), group::all);
        assertTrue(group.err().contains("Missing required subcommand"), group::all);
        assertTrue(group.err().contains("Usage: tributary user"), group::all);

        Run help = tributary("help", "peer");
        assertEquals(0, help.exitCode(), help::all);
        assertTrue(help.out().startsWith("Usage: tributary peer"), help::all);
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // skip aliases
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, into);
            }
        });
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Run trimmed(Run run) {
        return new Run(run.exitCode(), run.out().strip(), run.err().strip());
    }

    /** Runs the command as {@link TributaryCommand#main} does, capturing both streams. */
    private static Run tributary(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new TributaryCommand()).setExecutionExceptionHandler(new CliErrors())
                    .execute(args);
            System.out.flush();
            System.err.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
