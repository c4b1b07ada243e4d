package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Reads and writes {@link Activity}. */
final class ActivityMapper {

    private final JsonProvider provider;

    ActivityMapper(JsonProvider provider) {
        this.provider = provider;
    }

    Activity read(JsonObject json) {
        FieldReader r = new FieldReader(json, provider);
        URI id = r.id();
        String type = r.type();
        URI actor = r.requiredLink("actor");
        ObjectRef object = r.objectRef("object");
        List<URI> to = r.audience("to");
        List<URI> cc = r.audience("cc");
        Instant published = r.instant("published");
        return new Activity(id, type, actor, object, to, cc, published, r.extensions());
    }

    JsonObject write(Activity activity, JsonValue context) {
        return new ObjectWriter(provider)
                .add("@context", context)
                .add("id", activity.id())
                .add("type", activity.type())
                .add("actor", activity.actor())
                .add("object", objectValue(activity.object()))
                .addLinks("to", activity.to())
                .addLinks("cc", activity.cc())
                .add("published", activity.published())
                .addExtensions(activity.extensions())
                .build();
    }

    JsonValue objectValue(ObjectRef ref) {
        if (ref == null) {
            return null;
        }
        if (ref instanceof ObjectRef.Embedded embedded) {
            return embedded.json();
        }
        return provider.createValue(ref.id().toString());
    }
}
