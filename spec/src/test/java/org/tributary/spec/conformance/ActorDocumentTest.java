package org.tributary.spec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.KeyFormatException;
import org.tributary.federation.signature.SignatureScheme;

/**
 * What an actor document publishes: ActivityStreams as the first {@code @context} entry, the RSA key as
 * SPKI PEM in {@code publicKey} (owned by the actor, as every fediverse server reads it) and every key as a
 * FEP-521a Multikey in {@code assertionMethod}, including an Ed25519 key.
 */
class ActorDocumentTest {
    private static NodeUnderTest rig;

    @BeforeAll
    static void start() {
        rig = NodeUnderTest.start("actor-document", "bob");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/bob", "/actor"})
    void publishesThePemKeyAndMultikeys(String path) throws KeyFormatException {
        JsonObject actor = Responses.assertActivityJson(rig.http().get(rig.url(path), rig.reader().signingKey(),
                SignatureScheme.RFC9421));
        String id = rig.url(path).toString();
        assertEquals(id, actor.getString("id"));
        assertEquals(List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1",
                "https://w3id.org/security/multikey/v1", rig.url("/ns/tributary").toString()),
                actor.getJsonArray("@context").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertTrue(actor.containsKey("inbox"), actor::toString);

        JsonObject publicKey = actor.getJsonObject("publicKey");
        assertEquals(id, publicKey.getString("owner"));
        assertTrue(publicKey.getString("id").startsWith(id + "#"), publicKey::toString);
        String pem = publicKey.getString("publicKeyPem");
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
        PublicKey rsa = KeyCodec.decodePublicKeyPem(pem);
        assertEquals(Optional.of(KeyAlgorithm.RSA), KeyCodec.algorithmOf(rsa));

        List<JsonObject> multikeys = actor.getJsonArray("assertionMethod").getValuesAs(JsonObject.class);
        List<KeyAlgorithm> algorithms = new java.util.ArrayList<>();
        for (JsonObject multikey : multikeys) {
            assertEquals("Multikey", multikey.getString("type"));
            assertEquals(id, multikey.getString("controller"));
            assertTrue(multikey.getString("id").startsWith(id + "#"), multikey::toString);
            PublicKey key = KeyCodec.decodeMultikey(multikey.getString("publicKeyMultibase"));
            algorithms.add(KeyCodec.algorithmOf(key).orElseThrow());
            if (multikey.getString("id").equals(publicKey.getString("id"))) {
                assertEquals(rsa, key, "the RSA Multikey is the publicKey");
            }
        }
        assertTrue(algorithms.contains(KeyAlgorithm.ED25519), () -> "algorithms: " + algorithms);
        assertTrue(algorithms.contains(KeyAlgorithm.RSA), () -> "algorithms: " + algorithms);
    }
}
