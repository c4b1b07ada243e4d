package org.tributary.node.media;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.federation.spi.PeerPolicy;
import org.tributary.federation.vocab.Note;
import org.tributary.node.store.IdGenerator;

/**
 * A peer's attachments, kept as references: the URL, the type the peer declared, the description.
 * Nothing is fetched. Only {@code Image} and {@code Document} objects whose URL is http(s) on an
 * allowlisted peer are kept, at most {@link MediaLimits#maxPerStatus()} per post, descriptions cut to
 * the limit; anything else in {@code attachment} is skipped, never an error.
 */
public final class RemoteMediaReferences {
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,49}/[a-z0-9][a-z0-9.+-]{0,49}");
    private static final String UNKNOWN_TYPE = "application/octet-stream";
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_DIMENSION = 1_000_000;

    private final MediaStore store;
    private final PeerPolicy peers;
    private final MediaLimits limits;
    private final IdGenerator ids;
    private final Clock clock;

    public RemoteMediaReferences(MediaStore store, PeerPolicy peers, MediaLimits limits, IdGenerator ids,
            Clock clock) {
        this.store = store;
        this.peers = peers;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records the note's acceptable attachments against the stored post; returns what was kept. */
    public List<MediaAttachment> store(Connection connection, Note note, long authorId, long statusId)
            throws SQLException {
        List<MediaAttachment> kept = referencesOf(note, authorId, statusId);
        for (MediaAttachment reference : kept) {
            store.insert(connection, reference);
        }
        return kept;
    }

    /** After an Update(Note): the post's references become those of the new version. */
    public List<MediaAttachment> replace(Connection connection, Note note, long authorId, long statusId)
            throws SQLException {
        store.deleteRemoteOf(connection, statusId);
        return store(connection, note, authorId, statusId);
    }

    /** After a Delete: the post's references are forgotten. */
    public void forget(Connection connection, long statusId) throws SQLException {
        store.deleteRemoteOf(connection, statusId);
    }

    /** The references {@link #store} would keep, without storing them. */
    public List<MediaAttachment> referencesOf(Note note, long authorId, long statusId) {
        List<MediaAttachment> kept = new ArrayList<>();
        for (JsonObject object : attachmentObjects(note)) {
            if (kept.size() >= limits.maxPerStatus()) {
                break;
            }
            referenceOf(object, authorId, statusId).ifPresent(kept::add);
        }
        return List.copyOf(kept);
    }

    private Optional<MediaAttachment> referenceOf(JsonObject object, long authorId, long statusId) {
        MediaKind kind;
        String type = string(object.get("type"));
        if ("Image".equals(type)) {
            kind = MediaKind.IMAGE;
        } else if ("Document".equals(type)) {
            kind = MediaKind.DOCUMENT;
        } else {
            return Optional.empty();
        }
        Optional<URI> url = url(object.get("url"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String mediaType = Optional.ofNullable(string(object.get("mediaType")))
                .map(value -> value.toLowerCase(Locale.ROOT)).filter(value -> MEDIA_TYPE.matcher(value).matches())
                .orElse(UNKNOWN_TYPE);
        String name = string(object.get("name"));
        if (name != null && name.length() > limits.maxDescriptionChars()) {
            name = name.substring(0, limits.maxDescriptionChars());
        }
        Integer width = dimension(object.get("width"));
        Integer height = dimension(object.get("height"));
        boolean sized = width != null && height != null;
        return Optional.of(new MediaAttachment(ids.next(), authorId, null, kind, mediaType, 0,
                name == null || name.isBlank() ? null : name, sized ? width : null, sized ? height : null, null,
                statusId, url.get(), clock.instant()));
    }

    /** A URL given as a string, a Link object's {@code href}, or the first of several. */
    private Optional<URI> url(JsonValue value) {
        if (value instanceof JsonArray array) {
            return array.isEmpty() ? Optional.empty() : url(array.get(0));
        }
        String text = value instanceof JsonObject link ? string(link.get("href")) : string(value);
        if (text == null || text.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getRawUserInfo() == null && peers.isAllowed(uri)
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static List<JsonObject> attachmentObjects(Note note) {
        JsonValue value = note.extensions().get("attachment");
        List<JsonObject> objects = new ArrayList<>();
        if (value instanceof JsonObject single) {
            objects.add(single);
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static Integer dimension(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            long n = number.longValue();
            return n > 0 && n <= MAX_DIMENSION ? (int) n : null;
        }
        return null;
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : null;
    }
}
