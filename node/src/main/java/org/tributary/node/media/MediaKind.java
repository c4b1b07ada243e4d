package org.tributary.node.media;

/** What an attachment is to clients and peers: shown inline as a picture, or offered as a download. */
public enum MediaKind {
    IMAGE("Image", "image"),
    DOCUMENT("Document", "unknown");

    private final String activityType;
    private final String mastodonType;

    MediaKind(String activityType, String mastodonType) {
        this.activityType = activityType;
        this.mastodonType = mastodonType;
    }

    /** The ActivityStreams type of the attachment object. */
    public String activityType() {
        return activityType;
    }

    /** The {@code type} of a Mastodon MediaAttachment. */
    public String mastodonType() {
        return mastodonType;
    }

    public static MediaKind parse(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
