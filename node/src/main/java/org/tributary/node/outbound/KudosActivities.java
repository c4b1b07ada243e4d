package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.TributaryTerms;

/**
 * The wire form of a kudos (see {@code spec/kudos.md}): a Create of an object typed
 * {@code ["Note", "Kudos"]} whose content reads "Kudos to @bob: ..." with a Mention of every recipient,
 * plus {@code recipient} and {@code kudosValue} from our context. A generic server reads the first
 * type and shows a Note mentioning the recipients; a Tributary node sees the Kudos.
 */
public final class KudosActivities {
    public static final List<String> TYPES = List.of(As2.NOTE, TributaryTerms.KUDOS);

    /** The Create of the kudos post, given the Create of its plain Note. */
    public Activity create(Activity plainCreate, List<URI> recipients, String value) {
        return ObjectShapes.reshape(plainCreate, TYPES, object -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            recipients.forEach(recipient -> array.add(recipient.toString()));
            object.add(TributaryTerms.RECIPIENT, array);
            if (value != null) {
                object.add(TributaryTerms.KUDOS_VALUE, value);
            }
        });
    }
}
