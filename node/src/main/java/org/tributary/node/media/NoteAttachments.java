package org.tributary.node.media;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A post's attachments as ActivityStreams objects, for the Note's {@code attachment}:
 * {@code {type: Image|Document, mediaType, url, name, width, height}}; the name is the description.
 */
public final class NoteAttachments {
    private final MediaUrls urls;

    public NoteAttachments(MediaUrls urls) {
        this.urls = urls;
    }

    public JsonArray toJson(List<MediaAttachment> attachments) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (MediaAttachment media : attachments) {
            JsonObjectBuilder object = Json.createObjectBuilder()
                    .add("type", media.kind().activityType())
                    .add("mediaType", media.mediaType())
                    .add("url", urls.urlOf(media).toString());
            if (media.description() != null) {
                object.add("name", media.description());
            }
            if (media.width() != null && media.height() != null) {
                object.add("width", media.width()).add("height", media.height());
            }
            array.add(object);
        }
        return array.build();
    }
}
