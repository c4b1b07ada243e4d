package org.tributary.federation.vocab;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a property that may name another object by its id or carry it embedded. An embedded
 * copy keeps its complete JSON: it is only a claim by the sender, so code that needs the real
 * object still checks origin or fetches it by {@link #id()}.
 */
public sealed interface ObjectRef permits ObjectRef.Link, ObjectRef.Embedded {

    URI id();

    /** The object was sent as its id only. */
    record Link(URI id) implements ObjectRef {
        public Link {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The object was sent embedded; {@code json} is exactly what arrived. */
    record Embedded(URI id, String type, JsonObject json) implements ObjectRef {

        public Embedded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(json, "json");
        }

        /**
         * This object as a post, or empty if its type is not one of {@link As2#POST_TYPES}.
         *
         * @throws VocabException if it is a post but malformed
         */
        public Optional<Note> asNote(VocabCodec codec) {
            return As2.POST_TYPES.contains(type) ? Optional.of(codec.readNote(json)) : Optional.empty();
        }

        /**
         * This object as an activity, or empty if its type is not one of {@link As2#ACTIVITY_TYPES}.
         *
         * @throws VocabException if it is an activity but malformed
         */
        public Optional<Activity> asActivity(VocabCodec codec) {
            return As2.ACTIVITY_TYPES.contains(type)
                    ? Optional.of(codec.readActivity(json))
                    : Optional.empty();
        }
    }
}
