package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tributary.federation.audit.AuditBundleVerifier;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.node.NodeAssembly;
import org.tributary.node.audit.AuditKinds;
import org.tributary.node.audit.AuditRecord;
import org.tributary.node.config.ConfigLoader;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.Jdbc;
import picocli.CommandLine;

/** {@code tributary audit verify|export|prove} on a node's data directory, before and after tampering. */
class AuditCommandTest {

    @Test
    void verifyExportAndProveThenNameTheEntryTamperedWithThroughSql() throws IOException {
        Path data = Path.of("target", "cli-audit-" + System.nanoTime());
        ConfigLoader.write(data, URI.create("http://127.0.0.1:18080"), "127.0.0.1", 18080, "finance");
        String pem;
        try (NodeAssembly node = NodeCommands.open(data)) {
            for (int i = 0; i < 6; i++) {
                node.auditLog().record(AuditRecord.of(Instant.now(), AuditDirection.LOCAL, AuditKinds.ADMIN_ACCOUNT)
                        .withResult("created:" + i));
            }
            pem = KeyCodec.encodePublicKeyPem(node.audit().nodeKey());
        }
        Path bundle = data.resolve("bundle.jsonl");
        assertEquals(0, run("audit", "export", "-d", data.toString(), "--format", "jsonl", "--out", bundle.toString()));
        assertTrue(AuditBundleVerifier.forPublicKeyPem(pem).verify(Files.readString(bundle)).verified());
        assertEquals(0, run("audit", "export", "-d", data.toString(), "--format", "nquads", "--out",
                data.resolve("log.nq").toString()));
        assertTrue(Files.readString(data.resolve("log.nq")).contains("<urn:tributary:audit#kind>"));
        Output proved = capture("audit", "prove", "-d", data.toString(), "3");
        assertEquals(0, proved.exit());
        assertTrue(proved.text().contains("\"verified\":true"), proved.text());
        Output ok = capture("audit", "verify", "-d", data.toString());
        assertEquals(0, ok.exit(), ok.text());

        DataSource store = DerbyDataSources.onDisk(data.resolve("db"));
        new Database(store).inTransactionVoid(connection -> Jdbc.update(connection,
                "UPDATE audit_entries SET result = 'created:forged' WHERE seq = 3"));
        DerbyDataSources.shutdown(store);

        Output failed = capture("audit", "verify", "-d", data.toString());
        assertEquals(1, failed.exit());
        assertTrue(failed.text().contains("FAILED entry_altered at entry 3"), failed.text());
        deleteTree(data);
    }

    private record Output(int exit, String text) {
    }

    private static int run(String... args) {
        return capture(args).exit();
    }

    private static Output capture(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new TributaryCommand()).setExecutionExceptionHandler(new CliErrors())
                    .execute(args);
            return new Output(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
