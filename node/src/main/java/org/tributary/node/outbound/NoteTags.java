package org.tributary.node.outbound;

import java.util.ArrayList;
import java.util.List;
import org.tributary.federation.vocab.Tag;
import org.tributary.node.account.Account;
import org.tributary.node.config.LocalUris;

/**
 * A post's {@code tag} array: a Mention per mentioned account ({@code name} {@code @user@host}) and a
 * Hashtag per tag ({@code name} {@code #tag}, {@code href} this node's tag page).
 */
public final class NoteTags {
    private final LocalUris uris;

    public NoteTags(LocalUris uris) {
        this.uris = uris;
    }

    public List<Tag> of(List<Account> mentions, List<String> hashtags) {
        List<Tag> tags = new ArrayList<>();
        for (Account account : mentions) {
            String authority = account.isLocal() ? uris.base().getAuthority() : account.authority();
            tags.add(Tag.mention("@" + account.username() + "@" + authority, account.uri()));
        }
        for (String name : hashtags) {
            tags.add(Tag.hashtag("#" + name, uris.tag(name)));
        }
        return tags;
    }
}
