package org.tributary.node.audit;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.CheckpointWitness;
import org.tributary.federation.audit.ConsistencyProof;
import org.tributary.federation.audit.SignedCheckpoint;
import org.tributary.federation.audit.SignedCheckpointJson;
import org.tributary.federation.audit.WitnessVerdict;
import org.tributary.federation.audit.WitnessedPeer;
import org.tributary.federation.fetch.FetchResult;
import org.tributary.federation.spi.KeyLookup;
import org.tributary.federation.spi.KeyResolver;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.node.config.LocalUris;
import org.tributary.node.store.Database;

/**
 * Witnesses a peer's checkpoint: checks its signature with the peer instance actor's key, fetches the
 * peer's consistency proof from the last checkpoint accepted from it (a signed GET of
 * {@code /audit/consistency}), lets {@link CheckpointWitness} judge, stores the checkpoint with its verdict,
 * and raises an alert when the peer's log forked, shrank, went stale or was signed by someone else.
 */
public final class PeerCheckpointWitness {
    private final Database database;
    private final WitnessStore store;
    private final KeyResolver keys;
    private final AuditedFetcher fetcher;
    private final CheckpointWitness witness;
    private final AuditTrail trail;
    private final URI fetchKeyId;
    private final Clock clock;
    private final SignedCheckpointJson json = new SignedCheckpointJson();

    public PeerCheckpointWitness(Database database, WitnessStore store, KeyResolver keys, AuditedFetcher fetcher,
            CheckpointWitness witness, AuditTrail trail, LocalUris uris, Clock clock) {
        this.database = database;
        this.store = store;
        this.keys = keys;
        this.fetcher = fetcher;
        this.witness = witness;
        this.trail = trail;
        this.fetchKeyId = uris.rsaKeyId(LocalUris.INSTANCE_ACTOR_USERNAME);
        this.clock = clock;
    }

    /**
     * Judges {@code candidate}, which the instance actor {@code sender} sent; returns the verdict. The
     * sender's origin is the only origin the checkpoint may have. The answer is the verdict's name
     * ({@code consistent}, {@code forked}, ...) or {@code proof_unavailable} when the peer did not prove it.
     */
    public String witness(URI sender, SignedCheckpoint candidate) {
        String peer = PeerPolicy.authorityOf(sender);
        URI origin = URI.create(sender.getScheme().toLowerCase(Locale.ROOT) + "://" + sender.getRawAuthority());
        Optional<WitnessedPeer> known = peerKey(origin, sender, candidate.keyId());
        WitnessVerdict verdict;
        Optional<WitnessStore.Witnessed> last = database.inTransaction(c -> store.lastAccepted(c, peer));
        if (known.isEmpty()) {
            verdict = new WitnessVerdict.BadSignature("the key " + candidate.keyId() + " is not " + sender + "'s");
        } else if (last.isEmpty()) {
            verdict = witness.assessFirst(known.get(), candidate);
        } else {
            Optional<ConsistencyProof> proof = proofFor(origin, last.get().checkpoint(), candidate);
            if (proof.isEmpty()) {
                record(peer, candidate, "proof_unavailable", false, Optional.empty(), last);
                return "proof_unavailable";
            }
            verdict = witness.assess(known.get(), last.get().checkpoint(), candidate, proof.get());
        }
        record(peer, candidate, verdictName(verdict), verdict.toAccept().isPresent(), alertOf(verdict), last);
        return verdictName(verdict);
    }

    private Optional<WitnessedPeer> peerKey(URI origin, URI sender, URI keyId) {
        if (!PeerPolicy.authorityOf(keyId).equals(PeerPolicy.authorityOf(sender))) {
            return Optional.empty();
        }
        KeyLookup lookup = keys.resolve(keyId);
        if (lookup instanceof KeyLookup.Found found && found.key().owner().equals(sender)) {
            return Optional.of(new WitnessedPeer(origin, found.key().key(), true));
        }
        return Optional.empty();
    }

    /** The peer's proof from the accepted size to the candidate's; empty when none is needed or none came. */
    private Optional<ConsistencyProof> proofFor(URI origin, SignedCheckpoint accepted, SignedCheckpoint candidate) {
        long from = accepted.checkpoint().treeSize();
        long to = candidate.checkpoint().treeSize();
        if (to <= from) {
            return Optional.of(new ConsistencyProof(Math.min(from, to), Math.min(from, to), java.util.List.of()));
        }
        FetchResult result = fetcher.fetch(URI.create(origin + "/audit/consistency?from=" + from + "&to=" + to),
                fetchKeyId);
        if (result instanceof FetchResult.Fetched fetched) {
            try {
                return Optional.of(ProofJson.readConsistency(fetched.document()));
            } catch (AuditFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void record(String peer, SignedCheckpoint candidate, String verdict, boolean accepted,
            Optional<String> alert, Optional<WitnessStore.Witnessed> last) {
        java.time.Instant now = clock.instant();
        database.inTransactionVoid(connection -> {
            store.insert(connection, peer, candidate, now, verdict, accepted);
            if (alert.isPresent()) {
                String evidence = "[" + last.map(w -> json.encode(w.checkpoint()) + ",").orElse("")
                        + json.encode(candidate) + "]";
                store.raise(connection, peer, alert.get(), "checkpoint of size " + candidate.checkpoint().treeSize()
                        + " from " + peer + ": " + verdict, now, evidence);
            }
        });
        AuditRecord witnessed = AuditRecord.of(now, AuditDirection.LOCAL, AuditKinds.CHECKPOINT_WITNESSED)
                .withPeer(peer)
                .withActivity(CheckpointActivity.activityId(candidate.checkpoint()).toString(),
                        CheckpointActivity.OBJECT_TYPE,
                        candidate.keyId().toString(), candidate.checkpoint().rootHash().base64())
                .withResult(verdict);
        trail.record(witnessed);
        alert.ifPresent(type -> trail.record(AuditRecord.of(now, AuditDirection.LOCAL, AuditKinds.AUDIT_ALERT)
                .withPeer(peer).withResult(type)));
    }

    static String verdictName(WitnessVerdict verdict) {
        return verdict.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The alert type a verdict raises, if any: forked, shrunk, stopped, bad_signature, origin_mismatch. */
    static Optional<String> alertOf(WitnessVerdict verdict) {
        if (verdict instanceof WitnessVerdict.Forked) {
            return Optional.of("forked");
        }
        if (verdict instanceof WitnessVerdict.Shrunk) {
            return Optional.of("shrunk");
        }
        if (verdict instanceof WitnessVerdict.Stale) {
            return Optional.of("stopped");
        }
        if (verdict instanceof WitnessVerdict.BadSignature) {
            return Optional.of("bad_signature");
        }
        if (verdict instanceof WitnessVerdict.OriginMismatch) {
            return Optional.of("origin_mismatch");
        }
        return Optional.empty();
    }
}
