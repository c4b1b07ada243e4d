package org.tributary.node.outbound;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.tributary.federation.vocab.TributaryTerms;
import org.tributary.node.account.Profile;

/**
 * The profile part of an actor document, as extension properties: {@code icon} (an Image), the
 * {@code attachment} list of {@code PropertyValue} entries Mastodon reads as profile fields (Title,
 * Location, and Department for servers that do not know our term) and our {@code department} term.
 */
public final class ProfileProperties {
    public static final String TITLE = "Title";
    public static final String LOCATION = "Location";
    public static final String DEPARTMENT = "Department";

    private ProfileProperties() {
    }

    public static JsonObject toJson(Profile profile) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        profile.avatar().ifPresent(url -> json.add("icon", Json.createObjectBuilder().add("type", "Image")
                .add("url", url.toString())));
        JsonArrayBuilder attachments = Json.createArrayBuilder();
        int count = 0;
        count += addField(attachments, TITLE, profile.title());
        count += addField(attachments, LOCATION, profile.location());
        count += addField(attachments, DEPARTMENT, profile.department());
        if (count > 0) {
            json.add("attachment", attachments);
        }
        if (!profile.department().isEmpty()) {
            json.add(TributaryTerms.DEPARTMENT, profile.department());
        }
        return json.build();
    }

    /** Mastodon reads a field's value as HTML; ours is plain text, so it is escaped. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int addField(JsonArrayBuilder attachments, String name, String value) {
        if (value.isEmpty()) {
            return 0;
        }
        attachments.add(Json.createObjectBuilder().add("type", "PropertyValue").add("name", name)
                .add("value", escape(value)));
        return 1;
    }
}
