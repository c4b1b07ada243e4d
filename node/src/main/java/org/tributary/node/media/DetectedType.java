package org.tributary.node.media;

/** The file types an upload may be, each recognised by its leading bytes (never by name or client header). */
public enum DetectedType {
    PNG("image/png", MediaKind.IMAGE),
    JPEG("image/jpeg", MediaKind.IMAGE),
    GIF("image/gif", MediaKind.IMAGE),
    WEBP("image/webp", MediaKind.IMAGE),
    PDF("application/pdf", MediaKind.DOCUMENT);

    private final String mediaType;
    private final MediaKind kind;

    DetectedType(String mediaType, MediaKind kind) {
        this.mediaType = mediaType;
        this.kind = kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public MediaKind kind() {
        return kind;
    }
}
