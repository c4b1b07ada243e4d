package org.tributary.bench;

import java.net.URI;
import java.security.KeyPair;
import org.tributary.federation.signature.KeyAlgorithm;
import org.tributary.federation.signature.KeyCodec;
import org.tributary.federation.signature.SigningKey;

/** A remote actor served by a {@link FakePeer}: its id, inbox and RSA-2048 key ({@code #main-key}). */
public record FakeActor(String username, URI id, URI peerBase, KeyPair keys) {

    public static FakeActor create(URI peerBase, String username) {
        return new FakeActor(username, peerBase.resolve("/users/" + username), peerBase,
                KeyCodec.generate(KeyAlgorithm.RSA));
    }

    public URI keyId() {
        return URI.create(id + "#main-key");
    }

    public URI inbox() {
        return URI.create(id + "/inbox");
    }

    public URI sharedInbox() {
        return peerBase.resolve("/inbox");
    }

    public URI followers() {
        return URI.create(id + "/followers");
    }

    public SigningKey signingKey() {
        return new SigningKey(keyId(), keys.getPrivate(), KeyAlgorithm.RSA);
    }

    /** The actor document, as a peer serves it. */
    public String document() {
        String pem = KeyCodec.encodePublicKeyPem(keys.getPublic()).replace("\n", "\\n");
        return "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
                + "\"id\":\"" + id + "\",\"type\":\"Person\",\"preferredUsername\":\"" + username + "\","
                + "\"name\":\"" + username + "\",\"inbox\":\"" + inbox() + "\",\"outbox\":\"" + id + "/outbox\","
                + "\"followers\":\"" + followers() + "\",\"endpoints\":{\"sharedInbox\":\"" + sharedInbox() + "\"},"
                + "\"publicKey\":{\"id\":\"" + keyId() + "\",\"owner\":\"" + id + "\",\"publicKeyPem\":\"" + pem
                + "\"}}";
    }
}
