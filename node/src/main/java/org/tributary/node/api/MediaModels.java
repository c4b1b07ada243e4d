package org.tributary.node.api;

import org.tributary.node.media.MediaAttachment;
import org.tributary.node.media.MediaKind;
import org.tributary.node.media.MediaUrls;

/** Converts attachments to the client API's {@link MediaAttachmentDto}. */
public final class MediaModels {
    private final MediaUrls urls;

    public MediaModels(MediaUrls urls) {
        this.urls = urls;
    }

    public MediaAttachmentDto attachment(MediaAttachment attachment) {
        String url = urls.urlOf(attachment).toString();
        boolean image = attachment.kind() == MediaKind.IMAGE;
        String remote = attachment.isRemote() ? url : null;
        MediaAttachmentDto.Original original = attachment.width() == null || attachment.height() == null ? null
                : new MediaAttachmentDto.Original(attachment.width(), attachment.height(),
                        attachment.width() + "x" + attachment.height(),
                        (double) attachment.width() / attachment.height());
        MediaAttachmentDto.Focus focus = attachment.focus() == null ? null
                : new MediaAttachmentDto.Focus(attachment.focus().x(), attachment.focus().y());
        return new MediaAttachmentDto(String.valueOf(attachment.id()), attachment.kind().mastodonType(), url,
                image ? url : null, remote, image ? remote : null, null,
                new MediaAttachmentDto.Meta(original, focus), attachment.description(), null);
    }
}
