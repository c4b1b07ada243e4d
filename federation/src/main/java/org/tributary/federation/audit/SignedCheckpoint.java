package org.tributary.federation.audit;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.tributary.federation.FederationError;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.SigningKey;

/**
 * A {@link Checkpoint} with its signature over {@link Checkpoint#canonicalBytes()} by the key
 * {@code keyId}: Ed25519 (RFC 8032) or RSASSA-PKCS1-v1_5 with SHA-256, per {@code algorithm}.
 */
public record SignedCheckpoint(Checkpoint checkpoint, URI keyId, KeyAlgorithm algorithm, byte[] signature) {
    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0 || signature.length > 1024) {
            throw new AuditFormatException("a checkpoint signature has 1..1024 bytes, got " + signature.length);
        }
        signature = signature.clone();
    }

    /** Signs {@code checkpoint} with the node's key. */
    public static SignedCheckpoint sign(Checkpoint checkpoint, SigningKey key) {
        try {
            Signature signer = Signature.getInstance(jcaName(key.algorithm()));
            signer.initSign(key.privateKey());
            signer.update(checkpoint.canonicalBytes());
            return new SignedCheckpoint(checkpoint, key.keyId(), key.algorithm(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new AuditFormatException(FederationError.SIGNATURE_ALGORITHM_UNSUPPORTED,
                    "cannot sign a checkpoint with this " + key.algorithm() + " key: " + e.getMessage(), e);
        }
    }

    /**
     * True when the signature is valid for the checkpoint's canonical bytes under {@code publicKey}. A key of
     * another type than {@link #algorithm()}, or any malformed signature, gives false.
     */
    public boolean verify(PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!keyMatches(publicKey)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaName(algorithm));
            verifier.initVerify(publicKey);
            verifier.update(checkpoint.canonicalBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private boolean keyMatches(PublicKey key) {
        String type = key.getAlgorithm();
        return switch (algorithm) {
            case RSA -> type.equals("RSA");
            case ED25519 -> type.equals("Ed25519") || type.equals("EdDSA");
        };
    }

    static String jcaName(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA -> "SHA256withRSA";
            case ED25519 -> "Ed25519";
        };
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that
                && checkpoint.equals(that.checkpoint)
                && keyId.equals(that.keyId)
                && algorithm == that.algorithm
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, keyId, algorithm, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", keyId=" + keyId + ", algorithm=" + algorithm
                + ", signature=" + Base64.getEncoder().encodeToString(signature) + "]";
    }
}
