package org.tributary.node.api;

/**
 * A Mastodon MediaAttachment ({@code /api/v1/media/:id}, a status's {@code media_attachments}).
 * {@code remote_url} is set for a peer's file; we keep no previews, so {@code preview_url} is the file
 * itself for images and null for documents.
 */
public record MediaAttachmentDto(String id, String type, String url, String previewUrl, String remoteUrl,
        String previewRemoteUrl, String textUrl, Meta meta, String description, String blurhash) {

    /** {@code original} is null when the size is unknown (documents, unsized remote images). */
    public record Meta(Original original, Focus focus) {
    }

    public record Original(int width, int height, String size, double aspect) {
    }

    public record Focus(double x, double y) {
    }
}
