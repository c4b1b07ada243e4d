package org.tributary.node.media;

import java.net.URI;
import java.time.Instant;

/**
 * One attachment: a local upload (with {@code sha256}) or a reference to a peer's file (with
 * {@code remoteUrl}). Optional values are null when absent; {@code statusId} is null until attached.
 */
public record MediaAttachment(long id, long accountId, String sha256, MediaKind kind, String mediaType,
        long sizeBytes, String description, Integer width, Integer height, Focus focus, Long statusId,
        URI remoteUrl, Instant createdAt) {

    /** Mastodon's focal point, each coordinate in [-1, 1]. */
    public record Focus(double x, double y) {
        public Focus {
            if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) {
                throw new IllegalArgumentException("focus coordinates must be between -1 and 1");
            }
        }

        /** Reads {@code "x,y"}; null stays null. */
        public static Focus parse(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split(",", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("focus must be two numbers: x,y");
            }
            try {
                return new Focus(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("focus must be two numbers: x,y");
            }
        }
    }

    public boolean isRemote() {
        return remoteUrl != null;
    }

    public boolean isAttached() {
        return statusId != null;
    }

    public MediaAttachment withDescription(String newDescription) {
        return new MediaAttachment(id, accountId, sha256, kind, mediaType, sizeBytes, newDescription, width, height,
                focus, statusId, remoteUrl, createdAt);
    }
}
