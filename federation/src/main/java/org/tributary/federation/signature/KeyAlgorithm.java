package org.tributary.federation.signature;

/** Key types a node signs with and accepts. */
public enum KeyAlgorithm {
    /** RSA-2048+, RSASSA-PKCS1-v1_5 with SHA-256 ({@code rsa-sha256} / {@code rsa-v1_5-sha256}). */
    RSA,
    /** Ed25519 (RFC 8032), through Bouncy Castle. */
    ED25519
}
