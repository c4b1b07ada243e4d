package org.tributary.node.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.tributary.federation.audit.AuditBundleWriter;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.node.store.Database;
import org.tributary.node.store.StoreException;

/**
 * Exports the log: as an audit bundle (JSON Lines with every checkpoint, the consistency proofs between
 * them and each entry's inclusion proof; spec/audit-bundle.md), which the federation's
 * {@code AuditBundleVerifier} checks offline, or as RDF N-Quads for SPARQL tools.
 */
public final class AuditExporter {
    private final Database database;
    private final AuditLogStore store;
    private final CheckpointStore checkpoints;
    private final AuditRdf rdf;
    private final URI origin;

    public AuditExporter(Database database, AuditLogStore store, CheckpointStore checkpoints, AuditRdf rdf, URI origin) {
        this.database = database;
        this.store = store;
        this.checkpoints = checkpoints;
        this.rdf = rdf;
        this.origin = origin;
    }

    /**
     * Writes the bundle of every entry the newest checkpoint covers; returns that count. Fails with
     * {@code malformed_audit_data} when there is no checkpoint yet.
     */
    public long writeBundle(Writer out) {
        return database.inTransaction(connection -> {
            List<SignedCheckpoint> signed = checkpoints.all(connection);
            if (signed.isEmpty()) {
                throw new AuditFormatException("the log has no checkpoint yet");
            }
            long to = signed.get(signed.size() - 1).checkpoint().treeSize();
            StoredLeafHashSource tree = new StoredLeafHashSource(connection, store, store.size(connection));
            try {
                new AuditBundleWriter().write(out, origin, signed, tree, sequence -> {
                    try {
                        return store.find(connection, sequence).orElseThrow(() ->
                                new AuditFormatException("entry " + sequence + " is missing")).entry();
                    } catch (SQLException e) {
                        throw new StoreException(e);
                    }
                }, 0, to);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return to;
        });
    }

    /** Writes every committed entry as N-Quads in the graph {@code <origin>/audit/log}; returns the count. */
    public long writeNQuads(OutputStream out) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
        stream.start();
        long[] count = {0};
        database.inTransactionVoid(connection -> store.forEach(connection, 0, Long.MAX_VALUE, entry -> {
            rdf.triples(entry).forEach(triple -> stream.quad(Quad.create(rdf.graph(), triple)));
            count[0]++;
        }));
        stream.finish();
        return count[0];
    }
}
