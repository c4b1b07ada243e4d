package org.tributary.federation.signature;

import java.net.URI;
import java.security.PrivateKey;
import java.util.Objects;

/** A private key together with the public key id ({@code keyId}/{@code keyid}) that names it. */
public record SigningKey(URI keyId, PrivateKey privateKey, KeyAlgorithm algorithm) {
    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
