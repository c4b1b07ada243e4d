package org.tributary.federation.audit;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Writes an audit bundle ({@code spec/audit-bundle.md}) from a node's log: the header, the signed
 * checkpoints with a consistency proof between each successive pair, then each entry of the range with its
 * inclusion proof against the oldest given checkpoint that contains it. Proofs are generated through the
 * {@link LeafHashSource}, O(log n) look-ups each.
 */
public final class AuditBundleWriter {
    private final BundleLineCodec codec = new BundleLineCodec();

    /**
     * @param out         where the JSON Lines go (each line ends in {@code \n}; not closed here)
     * @param origin      the node's base URL, the origin of every checkpoint
     * @param checkpoints the node's signed checkpoints to include, oldest first; the newest must cover
     *                    {@code to}
     * @param tree        the log's leaf hashes
     * @param entries     the entry with a given sequence number (= leaf index)
     * @param from        first entry to export
     * @param to          one past the last entry to export
     * @throws AuditFormatException when the arguments cannot make a valid bundle, e.g. an entry whose leaf
     *                              hash is not the log's
     */
    public void write(Writer out, URI origin, List<SignedCheckpoint> checkpoints, LeafHashSource tree,
                      LongFunction<AuditEntry> entries, long from, long to) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(entries, "entries");
        requireExportable(origin, checkpoints, tree, from, to);
        out.write(codec.header(new BundleLine.Header(BundleLineCodec.VERSION, origin, from, to)));
        out.write('\n');
        for (int i = 0; i < checkpoints.size(); i++) {
            if (i > 0) {
                out.write(codec.consistency(ConsistencyProof.generate(tree,
                        checkpoints.get(i - 1).checkpoint().treeSize(), checkpoints.get(i).checkpoint().treeSize())));
                out.write('\n');
            }
            out.write(codec.checkpoint(checkpoints.get(i)));
            out.write('\n');
        }
        int covering = 0;
        for (long index = from; index < to; index++) {
            while (checkpoints.get(covering).checkpoint().treeSize() <= index) {
                covering++;
            }
            AuditEntry entry = entries.apply(index);
            if (entry.sequence() != index || !entry.leafHash().equals(tree.leafHash(index))) {
                throw new AuditFormatException("entry " + index + " given for export is not the log's leaf " + index);
            }
            long size = checkpoints.get(covering).checkpoint().treeSize();
            out.write(codec.entry(entry, InclusionProof.generate(tree, index, size)));
            out.write('\n');
        }
    }

    private static void requireExportable(URI origin, List<SignedCheckpoint> checkpoints, LeafHashSource tree,
                                          long from, long to) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(tree, "tree");
        if (checkpoints.isEmpty()) {
            throw new AuditFormatException("a bundle needs at least one checkpoint");
        }
        Checkpoint previous = null;
        for (SignedCheckpoint signed : checkpoints) {
            Checkpoint c = signed.checkpoint();
            if (!c.origin().equals(origin) || c.treeSize() > tree.size()
                    || (previous != null && (c.treeSize() < previous.treeSize()
                    || !c.timestamp().isAfter(previous.timestamp())))) {
                throw new AuditFormatException("checkpoints must be this log's, oldest first: " + c);
            }
            previous = c;
        }
        if (from < 0 || from > to || to > previous.treeSize()) {
            throw new AuditFormatException("entries " + from + ".." + to + " are not covered by the newest checkpoint");
        }
    }
}
