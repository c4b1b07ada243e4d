package org.tributary.federation.inbox;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tributary.federation.FederationError;
import org.tributary.federation.spi.InboundActivity;

/**
 * Who may say what (DESIGN §3 step 4): an activity's id must come from its actor's origin, and only an
 * object's owner may create, update, delete or undo it.
 *
 * <p>The object rules apply to the types whose object the actor claims as its own. They do not apply to,
 * for example, {@code Announce} or {@code Like} (the object is someone else's post) or
 * {@code Accept} (the object is the other side's {@code Follow}); handlers of those types look the object
 * up by id instead of trusting the embedded copy.
 */
final class ActivityOriginRules {

    /** Types whose object must belong to the actor. */
    static final Set<String> OWNER_ONLY_TYPES = Set.of("Create", "Update", "Delete", "Undo");

    Optional<InboxOutcome.Rejected> check(InboundActivity activity) {
        URI actor = activity.actor();
        if (!Origin.same(activity.id(), actor)) {
            return reject(FederationError.ORIGIN_MISMATCH,
                    "activity id " + activity.id() + " is not from the actor's origin");
        }
        if (!OWNER_ONLY_TYPES.contains(activity.type())) {
            return Optional.empty();
        }
        JsonValue object = activity.json().get("object");
        if (object == null || object.getValueType() == JsonValue.ValueType.NULL) {
            return reject(FederationError.MALFORMED_ACTIVITY, activity.type() + " without an object");
        }
        if (object.getValueType() == JsonValue.ValueType.OBJECT) {
            return checkEmbedded(actor, activity.type(), object.asJsonObject());
        }
        Optional<URI> reference = JsonFields.absoluteHttpUri(object);
        if (reference.isEmpty()) {
            return reject(FederationError.MALFORMED_ACTIVITY, "object is neither an object nor an http(s) id");
        }
        // A bare reference cannot say who owns it; the same origin as the actor is the most we can check.
        if (!Origin.same(reference.get(), actor)) {
            return reject(FederationError.NOT_OBJECT_OWNER,
                    activity.type() + " of " + reference.get() + ", which is not from the actor's origin");
        }
        return Optional.empty();
    }

    private Optional<InboxOutcome.Rejected> checkEmbedded(URI actor, String type, JsonObject object) {
        JsonValue idValue = object.get("id");
        if (idValue != null) {
            Optional<URI> id = JsonFields.absoluteHttpUri(idValue);
            if (id.isEmpty()) {
                return reject(FederationError.MALFORMED_ACTIVITY, "embedded object id is not an http(s) URI");
            }
            if (!Origin.same(id.get(), actor)) {
                return reject(FederationError.ORIGIN_MISMATCH,
                        "embedded object " + id.get() + " is not from the actor's origin");
            }
        }
        JsonValue attributedToValue = object.get("attributedTo");
        List<URI> attributedTo = JsonFields.referencedIds(attributedToValue);
        if (attributedTo.size() != JsonFields.entryCount(attributedToValue)) {
            return reject(FederationError.MALFORMED_ACTIVITY, "embedded object has an unreadable attributedTo");
        }
        for (URI author : attributedTo) {
            if (!Origin.same(author, actor)) {
                return reject(FederationError.ORIGIN_MISMATCH,
                        "embedded object is attributed to " + author + ", not from the actor's origin");
            }
        }
        return checkOwner(actor, type, object, attributedTo);
    }

    private Optional<InboxOutcome.Rejected> checkOwner(
            URI actor, String type, JsonObject object, List<URI> attributedTo) {
        if (!attributedTo.isEmpty()) {
            return attributedTo.stream().allMatch(actor::equals)
                    ? Optional.empty()
                    : reject(FederationError.NOT_OBJECT_OWNER, type + " of an object attributed to " + attributedTo);
        }
        // An embedded activity (the object of an Undo) is owned by its own actor.
        JsonValue objectActor = object.get("actor");
        if (objectActor != null) {
            Optional<URI> owner = JsonFields.referencedId(objectActor);
            return owner.isPresent() && owner.get().equals(actor)
                    ? Optional.empty()
                    : reject(FederationError.NOT_OBJECT_OWNER, type + " of an activity by " + owner.orElse(null));
        }
        // Otherwise (an actor updating itself, a Tombstone) the same origin, checked above, is the rule.
        return Optional.empty();
    }

    private static Optional<InboxOutcome.Rejected> reject(FederationError error, String detail) {
        return Optional.of(new InboxOutcome.Rejected(error, detail));
    }
}
