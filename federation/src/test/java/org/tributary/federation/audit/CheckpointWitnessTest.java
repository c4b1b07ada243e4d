package org.tributary.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.signature.KeyAlgorithm;

class CheckpointWitnessTest {
    private static final Instant T0 = Instant.parse("2025-03-05T09:00:00Z");
    private final KeyPair peerKeys = TestKeys.ed25519();
    private final WitnessedPeer peer = new WitnessedPeer(TestKeys.ORIGIN, peerKeys.getPublic(), true);
    private final List<TreeHash> leaves = ReferenceMerkle.leafHashes(20);
    private final InMemoryLeafHashSource log = InMemoryLeafHashSource.of(leaves);
    private final SignedCheckpoint accepted = signed(log, 10, T0);

    private SignedCheckpoint signed(LeafHashSource source, long size, Instant time) {
        return signedBy(peerKeys, new Checkpoint(TestKeys.ORIGIN, size, MerkleTree.rootOf(source, size), time));
    }

    private static SignedCheckpoint signedBy(KeyPair keys, Checkpoint checkpoint) {
        return SignedCheckpoint.sign(checkpoint, TestKeys.signingKey(keys, KeyAlgorithm.ED25519));
    }

    private static CheckpointWitness witnessAt(Instant now) {
        return new CheckpointWitness(Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    }

    private final CheckpointWitness witness = witnessAt(T0.plusSeconds(120));

    private InMemoryLeafHashSource forkedLog() {
        List<TreeHash> altered = new ArrayList<>(leaves);
        altered.set(3, ReferenceMerkle.flipBit(altered.get(3), 0));
        return InMemoryLeafHashSource.of(altered);
    }

    @Test
    void aProvenExtensionIsConsistent() {
        SignedCheckpoint next = signed(log, 15, T0.plusSeconds(60));
        WitnessVerdict verdict = witness.assess(peer, accepted, next, ConsistencyProof.generate(log, 10, 15));
        assertEquals(new WitnessVerdict.Consistent(next, 5), verdict);
        assertEquals(next, verdict.toAccept().orElseThrow());
    }

    @Test
    void theSameOrAReSignedCheckpointIsConsistent() {
        assertEquals(new WitnessVerdict.Consistent(accepted, 0),
                witness.assess(peer, accepted, accepted, ConsistencyProof.generate(log, 10, 10)));
        SignedCheckpoint resigned = signed(log, 10, T0.plusSeconds(30));
        assertEquals(new WitnessVerdict.Consistent(resigned, 0),
                witness.assess(peer, accepted, resigned, ConsistencyProof.generate(log, 10, 10)));
    }

    @Test
    void anotherRootForTheSameSizeIsAFork() {
        SignedCheckpoint other = signed(forkedLog(), 10, T0.plusSeconds(60));
        WitnessVerdict verdict = witness.assess(peer, accepted, other, ConsistencyProof.generate(log, 10, 10));
        assertEquals(WitnessVerdict.ForkEvidence.SAME_SIZE_DIFFERENT_ROOT,
                assertInstanceOf(WitnessVerdict.Forked.class, verdict).evidence());
        assertTrue(verdict.toAccept().isEmpty());
    }

    @Test
    void aGrowthThatRewritesHistoryIsAFork() {
        InMemoryLeafHashSource forked = forkedLog();
        SignedCheckpoint rewritten = signed(forked, 15, T0.plusSeconds(60));
        WitnessVerdict verdict = witness.assess(peer, accepted, rewritten, ConsistencyProof.generate(forked, 10, 15));
        assertEquals(WitnessVerdict.ForkEvidence.PROOF_INVALID,
                assertInstanceOf(WitnessVerdict.Forked.class, verdict).evidence());
    }

    @Test
    void aProofForOtherSizesIsAFork() {
        SignedCheckpoint next = signed(log, 15, T0.plusSeconds(60));
        WitnessVerdict verdict = witness.assess(peer, accepted, next, ConsistencyProof.generate(log, 9, 15));
        assertEquals(WitnessVerdict.ForkEvidence.PROOF_FOR_OTHER_SIZES,
                assertInstanceOf(WitnessVerdict.Forked.class, verdict).evidence());
    }

    @Test
    void aSmallerTreeWithANewerTimeHasShrunk() {
        SignedCheckpoint smaller = signed(log, 8, T0.plusSeconds(60));
        assertEquals(new WitnessVerdict.Shrunk(10, 8),
                witness.assess(peer, accepted, smaller, ConsistencyProof.generate(log, 8, 8)));
    }

    @Test
    void otherContentsWithAnOlderOrEqualTimeAreReplayed() {
        SignedCheckpoint older = signed(log, 5, T0.minusSeconds(600));
        assertEquals(new WitnessVerdict.Replayed(T0, T0.minusSeconds(600)),
                witness.assess(peer, accepted, older, ConsistencyProof.generate(log, 5, 5)));
        SignedCheckpoint sameTime = signed(log, 15, T0);
        assertEquals(new WitnessVerdict.Replayed(T0, T0),
                witness.assess(peer, accepted, sameTime, ConsistencyProof.generate(log, 10, 15)));
    }

    @Test
    void aCheckpointNotSignedByThePeerHasABadSignature() {
        SignedCheckpoint byStranger = signedBy(TestKeys.ed25519(),
                new Checkpoint(TestKeys.ORIGIN, 15, MerkleTree.rootOf(log, 15), T0.plusSeconds(60)));
        assertInstanceOf(WitnessVerdict.BadSignature.class,
                witness.assess(peer, accepted, byStranger, ConsistencyProof.generate(log, 10, 15)));
        SignedCheckpoint genuine = signed(log, 15, T0.plusSeconds(60));
        SignedCheckpoint inflated = new SignedCheckpoint(new Checkpoint(TestKeys.ORIGIN, 16,
                MerkleTree.rootOf(log, 16), T0.plusSeconds(60)), genuine.keyId(), genuine.algorithm(),
                genuine.signature());
        assertInstanceOf(WitnessVerdict.BadSignature.class,
                witness.assess(peer, accepted, inflated, ConsistencyProof.generate(log, 10, 16)));
    }

    @Test
    void aCheckpointForAnotherOriginIsNotThePeers() {
        URI other = URI.create("https://hr.example.com");
        SignedCheckpoint foreign = signedBy(peerKeys,
                new Checkpoint(other, 15, MerkleTree.rootOf(log, 15), T0.plusSeconds(60)));
        assertEquals(new WitnessVerdict.OriginMismatch(TestKeys.ORIGIN, other),
                witness.assess(peer, accepted, foreign, ConsistencyProof.generate(log, 10, 15)));
    }

    @Test
    void anActivePeerWhoseCheckpointsStopAdvancingIsStale() {
        SignedCheckpoint next = signed(log, 15, T0.plusSeconds(60));
        ConsistencyProof proof = ConsistencyProof.generate(log, 10, 15);
        CheckpointWitness later = witnessAt(T0.plusSeconds(60).plus(Duration.ofMinutes(61)));
        assertEquals(new WitnessVerdict.Stale(next, T0.plusSeconds(60), Duration.ofMinutes(61)),
                later.assess(peer, accepted, next, proof));
        WitnessedPeer idle = new WitnessedPeer(TestKeys.ORIGIN, peerKeys.getPublic(), false);
        assertEquals(new WitnessVerdict.Consistent(next, 5), later.assess(idle, accepted, next, proof));
        CheckpointWitness justInTime = witnessAt(T0.plusSeconds(60).plus(Duration.ofHours(1)));
        assertInstanceOf(WitnessVerdict.Consistent.class, justInTime.assess(peer, accepted, next, proof));
    }

    @Test
    void aFirstCheckpointIsJudgedOnSignatureOriginAndAge() {
        assertEquals(new WitnessVerdict.Consistent(accepted, 10), witness.assessFirst(peer, accepted));
        assertInstanceOf(WitnessVerdict.BadSignature.class, witness.assessFirst(
                new WitnessedPeer(TestKeys.ORIGIN, TestKeys.ed25519().getPublic(), true), accepted));
        assertInstanceOf(WitnessVerdict.Stale.class, witnessAt(T0.plus(Duration.ofDays(1))).assessFirst(peer, accepted));
    }
}
