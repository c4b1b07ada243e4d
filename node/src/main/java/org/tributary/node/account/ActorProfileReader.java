package org.tributary.node.account;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.tributary.federation.vocab.Actor;
import org.tributary.federation.vocab.TributaryTerms;

/**
 * Reads a peer's actor document into a {@link Profile}: the {@code icon} (an Image, a Link or a bare
 * URL), {@code PropertyValue} attachments named Title, Location or Department (values are HTML, kept
 * as text), and our {@code department} term, which wins over an attachment. Anything malformed is
 * skipped: a profile is decoration, never a reason to refuse an actor.
 */
public final class ActorProfileReader {
    private static final int MAX_FIELD = ProfileService.MAX_FIELD;

    public Profile read(Actor actor) {
        JsonObject extensions = actor.extensions();
        String department = "";
        String title = "";
        String location = "";
        for (JsonObject field : objects(extensions.get("attachment"))) {
            if (!"PropertyValue".equals(field.getString("type", "")) || !(field.get("value") instanceof JsonString)) {
                continue;
            }
            String value = text(field.getString("value"));
            switch (field.getString("name", "").strip().toLowerCase(Locale.ROOT)) {
                case "title", "job title", "role" -> title = value;
                case "location", "office" -> location = value;
                case "department" -> department = value;
                default -> {
                    // Other fields are the person's own; we do not model them.
                }
            }
        }
        if (extensions.get(TributaryTerms.DEPARTMENT) instanceof JsonString term) {
            department = text(term.getString());
        }
        return new Profile(department, title, location, icon(extensions.get("icon")), Optional.empty());
    }

    private static Optional<URI> icon(JsonValue value) {
        if (value instanceof JsonArray array) {
            return array.isEmpty() ? Optional.empty() : icon(array.get(0));
        }
        if (value instanceof JsonString string) {
            return httpUrl(string.getString());
        }
        if (value instanceof JsonObject object) {
            JsonValue url = object.get("url");
            if (url instanceof JsonObject link) {
                url = link.get("href");
            }
            return url instanceof JsonString string ? httpUrl(string.getString()) : icon(url instanceof JsonArray a ? a : null);
        }
        return Optional.empty();
    }

    private static Optional<URI> httpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static List<JsonObject> objects(JsonValue value) {
        List<JsonObject> result = new ArrayList<>();
        if (value instanceof JsonObject object) {
            result.add(object);
        } else if (value instanceof JsonArray array) {
            array.forEach(element -> {
                if (element instanceof JsonObject object) {
                    result.add(object);
                }
            });
        }
        return result;
    }

    private static String text(String html) {
        String text = Jsoup.parse(html).text().strip();
        return text.codePointCount(0, text.length()) > MAX_FIELD
                ? text.substring(0, text.offsetByCodePoints(0, MAX_FIELD)) : text;
    }
}
