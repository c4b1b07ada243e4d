package org.tributary.federation.signature;

import java.util.Objects;
import java.util.Optional;

/**
 * The keys one actor signs requests with, and the rule for which of them each scheme uses:
 * <ul>
 *   <li>draft-cavage always uses the main key: the RSA {@code #main-key} in the actor's {@code publicKey},
 *       the only key Mastodon and most other servers read, and the only algorithm they accept there;</li>
 *   <li>RFC 9421 uses the actor's Ed25519 key (published as a FEP-521a Multikey in {@code assertionMethod})
 *       when it has one, and the main key otherwise.</li>
 * </ul>
 * A peer that cannot verify the Ed25519 signature answers 401, and double-knocking falls back to
 * draft-cavage with the main key.
 *
 * @param main    the key the request is signed for (a delivery job's or a fetch's key id)
 * @param ed25519 the same actor's Ed25519 key, if it has one
 */
public record SigningKeys(SigningKey main, Optional<SigningKey> ed25519) {

    public SigningKeys {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(ed25519, "ed25519");
        if (ed25519.isPresent() && ed25519.get().algorithm() != KeyAlgorithm.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 key: " + ed25519.get().keyId());
        }
    }

    /** One key for both schemes. */
    public static SigningKeys only(SigningKey main) {
        return new SigningKeys(main, Optional.empty());
    }

    /** The main key, and {@code ed25519} for RFC 9421. */
    public static SigningKeys withEd25519(SigningKey main, SigningKey ed25519) {
        return new SigningKeys(main, Optional.of(ed25519));
    }

    /** The key a request signed with {@code scheme} carries. */
    public SigningKey forScheme(SignatureScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return scheme == SignatureScheme.RFC9421 ? ed25519.orElse(main) : main;
    }
}
