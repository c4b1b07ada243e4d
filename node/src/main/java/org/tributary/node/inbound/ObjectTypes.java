package org.tributary.node.inbound;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.vocab.TributaryTerms;

/**
 * Every type an object declares. The vocabulary records keep only the first one (what a generic
 * server reads); our kinds of post are told apart by the others.
 */
final class ObjectTypes {
    private ObjectTypes() {
    }

    static List<String> of(JsonObject object) {
        JsonValue type = object.get("type");
        List<String> types = new ArrayList<>();
        if (type instanceof JsonString single) {
            types.add(single.getString());
        } else if (type instanceof JsonArray array) {
            for (JsonValue entry : array) {
                if (entry instanceof JsonString name) {
                    types.add(name.getString());
                }
            }
        }
        return types;
    }

    /** Whether the object is a Kudos, in the compact form or as our full or prefixed IRI. */
    static boolean isKudos(JsonObject object) {
        return of(object).stream().anyMatch(type -> type.equals(TributaryTerms.KUDOS)
                || type.equals(TributaryTerms.NAMESPACE + TributaryTerms.KUDOS)
                || type.equals("tributary:" + TributaryTerms.KUDOS));
    }

    /** Whether the object declares {@code type} (compact name) among its types. */
    static boolean declares(JsonObject object, String type) {
        return of(object).contains(type);
    }
}
