/**
 * Primitives of the tamper-evident federation log: RFC 9162 Merkle tree hashing, an append-only compact
 * tree, inclusion and consistency proofs, signed checkpoints that peers witness, the canonical leaf encoding
 * of an audit entry, and the offline verifier of exported audit bundles.
 *
 * <p>Nothing here stores anything: the node keeps the entries and the complete-subtree hashes in its own
 * tables and reaches them through {@link org.tributary.federation.audit.LeafHashSource}. Every artefact that
 * leaves a node (checkpoints, proofs, bundles) can be verified with this package alone and the node's public
 * key. The bundle format is documented in {@code spec/audit-bundle.md}.
 */
package org.tributary.federation.audit;
