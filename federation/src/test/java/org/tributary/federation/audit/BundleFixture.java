package org.tributary.federation.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tributary.federation.signature.KeyAlgorithm;

/**
 * A node log of 40 audit entries with signed checkpoints at sizes 13, 30 and 40, exported as a bundle.
 * Lines: 1 header, 2 checkpoint 13, 3 consistency, 4 checkpoint 30, 5 consistency, 6 checkpoint 40, then
 * entry i on line 7 + i.
 */
final class BundleFixture {
    static final Instant T0 = Instant.parse("2025-03-05T09:00:00Z");
    static final int FIRST_ENTRY_LINE = 7;

    final KeyPair keys;
    final KeyAlgorithm algorithm;
    final List<AuditEntry> entries = new ArrayList<>();
    final InMemoryLeafHashSource log = new InMemoryLeafHashSource();
    final List<SignedCheckpoint> checkpoints = new ArrayList<>();

    BundleFixture(KeyPair keys, KeyAlgorithm algorithm) {
        this.keys = keys;
        this.algorithm = algorithm;
        for (int i = 0; i < 40; i++) {
            AuditEntry entry = AuditEntryTest.sample(i);
            entries.add(entry);
            log.append(entry.leafHash());
        }
        int minute = 0;
        for (long size : new long[] {13, 30, 40}) {
            checkpoints.add(sign(size, T0.plusSeconds(60L * minute++)));
        }
    }

    SignedCheckpoint sign(long size, Instant time) {
        return SignedCheckpoint.sign(new Checkpoint(TestKeys.ORIGIN, size, MerkleTree.rootOf(log, size), time),
                TestKeys.signingKey(keys, algorithm));
    }

    String bundle(long from, long to) {
        StringWriter out = new StringWriter();
        try {
            new AuditBundleWriter().write(out, TestKeys.ORIGIN, checkpoints, log, i -> entries.get((int) i), from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    List<String> lines() {
        return new ArrayList<>(Arrays.asList(bundle(0, 40).split("\n")));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
