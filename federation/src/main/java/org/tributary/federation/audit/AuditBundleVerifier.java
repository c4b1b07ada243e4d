package org.tributary.federation.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;

/**
 * The offline verifier of exported audit bundles ({@code spec/audit-bundle.md}). Given the node's public
 * key, it reads a bundle line by line and checks that:
 * <ul>
 *   <li>every checkpoint is for the bundle's origin and signed by the key;</li>
 *   <li>successive checkpoints advance in time and each is consistent with the one before (RFC 9162
 *       consistency proof), so the log was never rewritten or truncated between them;</li>
 *   <li>the entries are exactly the declared range, in order, none missing, moved or extra;</li>
 *   <li>each entry's leaf hash, recomputed from its fields, is included under its checkpoint's root.</li>
 * </ul>
 * It stops at the first problem and names its line, the entry concerned and why. Memory stays constant in
 * the number of entries (checkpoints are kept); time is O(log n) hashes per entry. Stateless and
 * thread-safe: each call checks one bundle.
 */
public final class AuditBundleVerifier {
    private final PublicKey nodeKey;

    /** A verifier for bundles signed by {@code nodeKey} (Ed25519 or RSA). */
    public AuditBundleVerifier(PublicKey nodeKey) {
        this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    }

    /**
     * A verifier for the key in an SPKI PEM block ({@code -----BEGIN PUBLIC KEY-----}); fails with
     * {@code malformed_audit_data} when it holds no Ed25519 or RSA key.
     */
    public static AuditBundleVerifier forPublicKeyPem(String spkiPem) {
        Objects.requireNonNull(spkiPem, "spkiPem");
        try {
            return new AuditBundleVerifier(KeyCodec.decodePublicKeyPem(spkiPem));
        } catch (KeyFormatException e) {
            throw new AuditFormatException("the node key is not a readable Ed25519 or RSA public key PEM: "
                    + e.getMessage(), e);
        }
    }

    /** Verifies a bundle given as text. */
    public BundleVerification verify(String bundle) {
        return verify(new StringReader(Objects.requireNonNull(bundle, "bundle")));
    }

    /** Verifies a bundle read from {@code bundle} (not closed here); I/O errors give {@link BundleFailure#UNREADABLE}. */
    public BundleVerification verify(Reader bundle) {
        Objects.requireNonNull(bundle, "bundle");
        BufferedReader lines = bundle instanceof BufferedReader b ? b : new BufferedReader(bundle);
        BundleCheck check = new BundleCheck(nodeKey, new BundleLineCodec());
        long lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                Optional<BundleVerification.Failed> failure = check.accept(lineNumber, line);
                if (failure.isPresent()) {
                    return failure.get().reason() == BundleFailure.ENTRY_MISSING
                            ? missingOrMoved(failure.get(), lines, lineNumber, check.codec())
                            : failure.get();
                }
            }
        } catch (IOException e) {
            return new BundleVerification.Failed(lineNumber + 1, OptionalLong.empty(), BundleFailure.UNREADABLE,
                    "the bundle could not be read: " + e.getMessage());
        }
        return check.finish(lineNumber);
    }

    /**
     * An entry was expected but a later one stood in its place: read on to tell a deleted entry from one
     * that was moved further down (reordered).
     */
    private static BundleVerification.Failed missingOrMoved(BundleVerification.Failed missing, BufferedReader rest,
                                                            long lineNumber, BundleLineCodec codec)
            throws IOException {
        long wanted = missing.entryIndex().orElseThrow();
        long at = lineNumber;
        for (String line = rest.readLine(); line != null; line = rest.readLine()) {
            at++;
            OptionalLong index = codec.peekLeafIndex(line);
            if (index.isPresent() && index.getAsLong() == wanted) {
                return new BundleVerification.Failed(missing.line(), missing.entryIndex(),
                        BundleFailure.ENTRY_OUT_OF_ORDER,
                        "entry " + wanted + " belongs at line " + missing.line() + " but appears at line " + at);
            }
        }
        return missing;
    }
}
