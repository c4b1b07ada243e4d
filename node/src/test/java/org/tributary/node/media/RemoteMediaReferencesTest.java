package org.tributary.node.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.store.IdGenerator;

/** A peer's attachments become references only within the limits; the rest is skipped quietly. */
class RemoteMediaReferencesTest {
    private static final String PEER = "https://sales.example";
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final MediaLimits limits = new MediaLimits(1024, 1024, 1_000_000, 10, 4);
    private final RemoteMediaReferences references = new RemoteMediaReferences(new MediaStore(),
            authority -> authority.equals("sales.example"), limits, new IdGenerator(clock), clock);
    private final VocabCodec codec = new VocabCodec(URI.create("https://finance.example/ns"));

    @Test
    void keepsImagesAndDocumentsOnAllowlistedPeersWithDescriptionsCut() {
        Note note = noteWith(Json.createArrayBuilder()
                .add(attachment("Image", PEER + "/media/a", "image/png", "a chart of the third quarter").add("width", 640)
                        .add("height", 480))
                .add(attachment("Document", PEER + "/media/b", "application/pdf", null))
                .add(Json.createObjectBuilder().add("type", "Image")
                        .add("url", Json.createObjectBuilder().add("type", "Link").add("href", PEER + "/media/c"))));
        List<MediaAttachment> kept = references.referencesOf(note, 7, 9);
        assertEquals(3, kept.size());
        MediaAttachment image = kept.get(0);
        assertEquals(URI.create(PEER + "/media/a"), image.remoteUrl());
        assertEquals(MediaKind.IMAGE, image.kind());
        assertEquals("image/png", image.mediaType());
        assertEquals("a chart of", image.description());
        assertEquals(640, image.width());
        assertEquals(480, image.height());
        assertEquals(7, image.accountId());
        assertEquals(9L, image.statusId());
        assertNull(image.sha256());
        assertEquals(MediaKind.DOCUMENT, kept.get(1).kind());
        assertNull(kept.get(1).description());
        assertEquals(URI.create(PEER + "/media/c"), kept.get(2).remoteUrl());
        assertEquals("application/octet-stream", kept.get(2).mediaType());
    }

    @Test
    void skipsOtherHostsSchemesTypesAndEverythingPastFour() {
        JsonArrayBuilder array = Json.createArrayBuilder()
                .add(attachment("Image", "https://elsewhere.example/x.png", "image/png", null))
                .add(attachment("Image", "javascript:alert(1)", "image/png", null))
                .add(attachment("Image", "ftp://sales.example/x.png", "image/png", null))
                .add(attachment("Video", PEER + "/v.mp4", "video/mp4", null))
                .add(attachment("Image", "https://user@sales.example/x.png", "image/png", null))
                .add("not an object");
        for (int i = 0; i < 6; i++) {
            array.add(attachment("Image", PEER + "/media/" + i, "text/html; charset=utf-8", null));
        }
        List<MediaAttachment> kept = references.referencesOf(noteWith(array), 1, 2);
        assertEquals(4, kept.size());
        assertEquals(List.of(URI.create(PEER + "/media/0"), URI.create(PEER + "/media/1"),
                URI.create(PEER + "/media/2"), URI.create(PEER + "/media/3")),
                kept.stream().map(MediaAttachment::remoteUrl).toList());
        // A declared type that is not a bare type/subtype is not passed on.
        assertEquals("application/octet-stream", kept.get(0).mediaType());
    }

    @Test
    void aNoteWithoutAttachmentsHasNoReferences() {
        Note note = codec.readNote(codec.parse(("{\"id\":\"" + PEER + "/n/1\",\"type\":\"Note\",\"content\":\"hi\"}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), references.referencesOf(note, 1, 2));
    }

    private Note noteWith(JsonArrayBuilder attachments) {
        JsonObject json = Json.createObjectBuilder().add("id", PEER + "/users/bob/statuses/1").add("type", "Note")
                .add("attributedTo", PEER + "/users/bob").add("content", "<p>hi</p>")
                .add("attachment", attachments).build();
        return codec.readNote(json);
    }

    private static jakarta.json.JsonObjectBuilder attachment(String type, String url, String mediaType, String name) {
        jakarta.json.JsonObjectBuilder object = Json.createObjectBuilder().add("type", type).add("url", url)
                .add("mediaType", mediaType);
        if (name != null) {
            object.add("name", name);
        }
        return object;
    }
}
