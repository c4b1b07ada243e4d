package org.tributary.node.post;

import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.media.MediaAttachment;

/**
 * A post with what it takes to show or federate it: its author, the accounts it addresses by name
 * ({@code recipients}, of which {@code mentions} carry a Mention tag), its hashtags, the post it
 * answers when that post is known here ({@code parent}), and its media in the order attached.
 */
public record StatusView(Status status, Account author, List<Account> recipients, List<Account> mentions,
        List<String> tags, Optional<Status> parent, List<MediaAttachment> media) {
    public StatusView {
        recipients = List.copyOf(recipients);
        mentions = List.copyOf(mentions);
        tags = List.copyOf(tags);
        media = List.copyOf(media);
    }
}
