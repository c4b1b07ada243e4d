package org.tributary.node.post;

import java.util.List;
import org.tributary.node.account.Account;

/**
 * A post with what it takes to show or federate it: its author, the accounts it addresses by name
 * ({@code recipients}, of which {@code mentions} carry a Mention tag), its hashtags, and the post it
 * answers when that post is known here ({@code parent}).
 */
public record StatusView(Status status, Account author, List<Account> recipients, List<Account> mentions,
        List<String> tags, java.util.Optional<Status> parent) {
    public StatusView {
        recipients = List.copyOf(recipients);
        mentions = List.copyOf(mentions);
        tags = List.copyOf(tags);
    }
}
