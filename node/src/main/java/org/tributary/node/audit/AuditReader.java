package org.tributary.node.audit;

import java.util.List;
import java.util.Optional;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.node.store.Database;

/** Everything an auditor may read, and nothing that changes the log: the audit API's one collaborator. */
public final class AuditReader {
    private final Database database;
    private final AuditLogStore store;
    private final AuditProofs proofs;
    private final WitnessStore witnessed;
    private final AuditGraph graph;

    public AuditReader(Database database, AuditLogStore store, AuditProofs proofs, WitnessStore witnessed,
            AuditGraph graph) {
        this.database = database;
        this.store = store;
        this.proofs = proofs;
        this.witnessed = witnessed;
        this.graph = graph;
    }

    public List<StoredAuditEntry> list(AuditFilter filter) {
        return database.inTransaction(connection -> store.list(connection, filter));
    }

    public Optional<InclusionAnswer> inclusion(long sequence) {
        return proofs.inclusion(sequence);
    }

    public AuditProofs.Consistency consistency(long from, long to) {
        return proofs.consistency(from, to);
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        return proofs.latestCheckpoint();
    }

    /** The last checkpoint accepted from each peer. */
    public List<WitnessStore.Witnessed> witnessed() {
        return database.inTransaction(witnessed::latestPerPeer);
    }

    /** Every checkpoint received from one peer, newest first, with its verdict. */
    public List<WitnessStore.Witnessed> witnessedHistory(String peer, int limit) {
        return database.inTransaction(connection -> witnessed.history(connection, peer, limit));
    }

    public List<WitnessStore.Alert> alerts(int limit) {
        return database.inTransaction(connection -> witnessed.alerts(connection, limit));
    }

    public SparqlOutcome sparql(String query) {
        return graph.query(query);
    }
}
