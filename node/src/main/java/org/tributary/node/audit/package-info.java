/**
 * The node's tamper-evident federation log: every federated message in and out, every delivery attempt,
 * every signed fetch and every admin or peer-policy action is appended here as an entry of an RFC 9162
 * Merkle tree ({@code spec/audit-bundle.md}). The node signs checkpoints of the tree, exchanges them with
 * its Tributary peers and witnesses theirs; auditors read the log, its proofs and SPARQL views through a
 * read-only API; the CLI verifies the stored log, exports it and proves single entries.
 *
 * <p>The hashing, proofs, checkpoints, witness rules and bundle format come from
 * {@code org.tributary.federation.audit}; this package stores them and wires them into the node.
 */
package org.tributary.node.audit;
