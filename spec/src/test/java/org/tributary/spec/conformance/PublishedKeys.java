package org.tributary.spec.conformance;

import jakarta.json.JsonObject;
import java.net.URI;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;

/**
 * The keys an actor document publishes, by key id, read the way a Tributary peer reads them: the RSA key
 * in {@code publicKey} (owned by the actor) and each FEP-521a Multikey in {@code assertionMethod} whose
 * {@code controller} is the actor.
 */
final class PublishedKeys {
    private PublishedKeys() {
    }

    static Map<URI, PublicKey> of(JsonObject actorDocument) {
        String actor = actorDocument.getString("id");
        Map<URI, PublicKey> keys = new LinkedHashMap<>();
        try {
            JsonObject publicKey = actorDocument.getJsonObject("publicKey");
            if (actor.equals(publicKey.getString("owner"))) {
                keys.put(URI.create(publicKey.getString("id")),
                        KeyCodec.decodePublicKeyPem(publicKey.getString("publicKeyPem")));
            }
            for (JsonObject multikey : actorDocument.getJsonArray("assertionMethod").getValuesAs(JsonObject.class)) {
                if (actor.equals(multikey.getString("controller"))) {
                    keys.putIfAbsent(URI.create(multikey.getString("id")),
                            KeyCodec.decodeMultikey(multikey.getString("publicKeyMultibase")));
                }
            }
        } catch (KeyFormatException e) {
            throw new AssertionError("the node published an unreadable key: " + e.getMessage(), e);
        }
        return keys;
    }

    /** The id of the actor's Ed25519 Multikey. */
    static URI ed25519KeyId(JsonObject actorDocument) {
        return of(actorDocument).entrySet().stream()
                .filter(key -> KeyCodec.algorithmOf(key.getValue()).orElse(null) == KeyAlgorithm.ED25519)
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no Ed25519 Multikey in " + actorDocument));
    }

    /** The id of the actor's RSA key in {@code publicKey}. */
    static URI rsaKeyId(JsonObject actorDocument) {
        return URI.create(actorDocument.getJsonObject("publicKey").getString("id"));
    }
}
