package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link Actor} with its keys and endpoints. */
final class ActorMapper {

    private final JsonProvider provider;

    ActorMapper(JsonProvider provider) {
        this.provider = provider;
    }

    Actor read(JsonObject json) {
        FieldReader r = new FieldReader(json, provider);
        URI id = r.id();
        String type = r.type();
        String preferredUsername = r.string("preferredUsername");
        String name = r.string("name");
        String summary = r.string("summary");
        URI inbox = r.requiredLink("inbox");
        URI outbox = r.link("outbox");
        URI followers = r.link("followers");
        URI following = r.link("following");
        URI sharedInbox = readSharedInbox(r);
        PublicKeyPem publicKey = readPublicKey(r.single("publicKey"));
        List<Multikey> assertionMethod = readAssertionMethod(r);
        boolean locked = r.bool("manuallyApprovesFollowers");
        return new Actor(id, type, preferredUsername, name, summary, inbox, outbox, followers,
                following, sharedInbox, publicKey, assertionMethod, locked, r.extensions());
    }

    JsonObject write(Actor actor, JsonValue context) {
        ObjectWriter w = new ObjectWriter(provider)
                .add("@context", context)
                .add("id", actor.id())
                .add("type", actor.type())
                .add("preferredUsername", actor.preferredUsername())
                .add("name", actor.name())
                .add("summary", actor.summary())
                .add("inbox", actor.inbox())
                .add("outbox", actor.outbox())
                .add("followers", actor.followers())
                .add("following", actor.following())
                .add("endpoints", endpoints(actor));
        if (actor.publicKey() != null) {
            w.add("publicKey", writePublicKey(actor.publicKey()));
        }
        List<JsonObject> keys = new ArrayList<>();
        actor.assertionMethod().forEach(key -> keys.add(writeMultikey(key)));
        return w.addValues("assertionMethod", keys)
                .add("manuallyApprovesFollowers", actor.manuallyApprovesFollowers())
                .addExtensions(actor.extensions())
                .build();
    }

    /** {@code endpoints.sharedInbox}; any other endpoints stay in the extensions. */
    private URI readSharedInbox(FieldReader r) {
        JsonValue endpoints = r.single("endpoints");
        if (!(endpoints instanceof JsonObject object)) {
            r.keep("endpoints");
            return null;
        }
        FieldReader er = new FieldReader(object, provider);
        URI sharedInbox = er.link("sharedInbox");
        r.retain("endpoints", er.extensions());
        return sharedInbox;
    }

    private JsonObject endpoints(Actor actor) {
        JsonValue kept = actor.extensions().get("endpoints");
        if (actor.sharedInbox() == null) {
            return kept instanceof JsonObject object ? object : null;
        }
        JsonObjectBuilder builder = kept instanceof JsonObject object
                ? provider.createObjectBuilder(object)
                : provider.createObjectBuilder();
        return builder.add("sharedInbox", actor.sharedInbox().toString()).build();
    }

    private PublicKeyPem readPublicKey(JsonValue value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            // Published by reference only: the key must be fetched by its id.
            return new PublicKeyPem(FieldReader.toLink(value, "publicKey"), null, null);
        }
        FieldReader r = new FieldReader(object, provider);
        URI id = r.id();
        URI owner = r.link("owner");
        String pem = r.string("publicKeyPem");
        return new PublicKeyPem(id, owner, pem, r.extensions());
    }

    private JsonObject writePublicKey(PublicKeyPem key) {
        return new ObjectWriter(provider)
                .add("id", key.id())
                .add("owner", key.owner())
                .add("publicKeyPem", key.publicKeyPem())
                .addExtensions(key.extensions())
                .build();
    }

    /**
     * Multikey entries become records. If any entry is something else (a bare reference, another
     * key type) the whole property is left in the extensions untouched rather than half-read.
     */
    private List<Multikey> readAssertionMethod(FieldReader r) {
        List<JsonValue> values = r.many("assertionMethod");
        List<Multikey> keys = new ArrayList<>();
        for (JsonValue value : values) {
            if (!(value instanceof JsonObject object)
                    || !As2.MULTIKEY.equals(object.getString("type", null))) {
                r.keep("assertionMethod");
                return List.of();
            }
            FieldReader kr = new FieldReader(object, provider);
            URI id = kr.id();
            kr.type();
            URI controller = kr.requiredLink("controller");
            String multibase = kr.string("publicKeyMultibase");
            if (multibase == null) {
                throw VocabException.malformedActivity("Multikey without 'publicKeyMultibase'");
            }
            keys.add(new Multikey(id, controller, multibase, kr.extensions()));
        }
        return keys;
    }

    private JsonObject writeMultikey(Multikey key) {
        return new ObjectWriter(provider)
                .add("id", key.id())
                .add("type", As2.MULTIKEY)
                .add("controller", key.controller())
                .add("publicKeyMultibase", key.publicKeyMultibase())
                .addExtensions(key.extensions())
                .build();
    }
}
