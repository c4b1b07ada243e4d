package org.tributary.node.media;

/** What {@link MediaInspector} concluded about an upload's bytes. */
public sealed interface Inspection {

    /** A file we accept: its type, and for images the pixel size read from the header. */
    record Accepted(DetectedType type, Integer width, Integer height) implements Inspection {
    }

    /** A file we refuse, with the HTTP status and stable code to answer. */
    record Refused(int status, String code, String reason) implements Inspection {
    }

    static Refused unsupported(String reason) {
        return new Refused(415, "unsupported_media_type", reason);
    }
}
