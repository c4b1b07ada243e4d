package org.tributary.node.media;

/**
 * The bounds on uploads and on peers' attachment references.
 *
 * @param maxImageBytes        largest accepted image file
 * @param maxDocumentBytes     largest accepted document file; also bounds the whole upload request
 * @param maxPixels            largest width x height accepted, so no one can make a client decode a bomb
 * @param maxDescriptionChars  longest description (alt text), local or remote
 * @param maxPerStatus         most attachments on one post, local or remote
 */
public record MediaLimits(long maxImageBytes, long maxDocumentBytes, long maxPixels, int maxDescriptionChars,
        int maxPerStatus) {
    public static final long MIB = 1024L * 1024L;

    public MediaLimits {
        if (maxImageBytes <= 0 || maxDocumentBytes <= 0 || maxPixels <= 0 || maxDescriptionChars <= 0
                || maxPerStatus <= 0) {
            throw new IllegalArgumentException("media limits must be positive");
        }
    }

    /** 10 MiB images, 20 MiB documents, 40 megapixels, 1500-character descriptions, 4 per post. */
    public static MediaLimits defaults() {
        return new MediaLimits(10 * MIB, 20 * MIB, 40_000_000L, 1500, 4);
    }

    public long maxBytesFor(MediaKind kind) {
        return kind == MediaKind.IMAGE ? maxImageBytes : maxDocumentBytes;
    }

    /** The most bytes any single upload may have, whatever its type. */
    public long maxUploadBytes() {
        return Math.max(maxImageBytes, maxDocumentBytes);
    }
}
