package org.tributary.node.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tributary.federation.audit.AuditEntryJson;
import org.tributary.federation.audit.SignedCheckpointJson;
import org.tributary.node.NodeAssembly;
import org.tributary.node.audit.InclusionAnswer;
import org.tributary.node.audit.StorageVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The compliance log: verify it from storage, export it, prove one entry. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify, export and prove the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Prove.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the tree from storage, check every checkpoint, name the first bad entry.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                StorageVerification result = node.audit().verify();
                if (result instanceof StorageVerification.Verified verified) {
                    System.out.println("ok: " + verified.entries() + " entries, " + verified.checkpoints()
                            + " checkpoints verified");
                    return 0;
                }
                StorageVerification.Failed failed = (StorageVerification.Failed) result;
                System.out.println("FAILED " + failed.problem().name().toLowerCase(java.util.Locale.ROOT)
                        + (failed.firstBadEntry().isPresent() ? " at entry " + failed.firstBadEntry().getAsLong() : "")
                        + ": " + failed.detail());
                return 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the log as an audit bundle (JSON Lines with proofs) or as RDF N-Quads.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or nquads.")
        String format;

        @Option(names = "--out", required = true, description = "The file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("jsonl") && !format.equals("nquads")) {
                throw new IllegalArgumentException("--format is jsonl or nquads");
            }
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                node.audit().checkpointNow();
                long count;
                if (format.equals("jsonl")) {
                    try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                        count = node.audit().exportBundle(writer);
                    }
                } else {
                    try (OutputStream stream = Files.newOutputStream(out)) {
                        count = node.audit().exportNQuads(stream);
                    }
                }
                System.out.println("exported " + count + " entries to " + out);
                return 0;
            }
        }
    }

    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = "Print an entry with its inclusion proof and the signed checkpoint it leads to.")
    static final class Prove implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "The entry's sequence number.")
        long sequence;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                node.audit().checkpointNow();
                Optional<InclusionAnswer> answer = node.audit().prove(sequence);
                if (answer.isEmpty()) {
                    throw new IllegalArgumentException("no entry " + sequence);
                }
                InclusionAnswer a = answer.get();
                StringBuilder proof = new StringBuilder();
                a.proof().path().forEach(hash -> proof.append(proof.length() == 0 ? "" : ",").append('"')
                        .append(hash.base64()).append('"'));
                System.out.println("{\"entry\":" + new AuditEntryJson().encode(a.entry().entry())
                        + ",\"leafIndex\":" + a.proof().leafIndex() + ",\"treeSize\":" + a.proof().treeSize()
                        + ",\"proof\":[" + proof + "],\"checkpoint\":" + new SignedCheckpointJson().encode(a.checkpoint())
                        + ",\"verified\":" + a.verifies() + "}");
                return a.verifies() ? 0 : 1;
            }
        }
    }
}
