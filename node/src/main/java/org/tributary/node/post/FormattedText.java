package org.tributary.node.post;

import java.util.List;
import org.tributary.node.account.Account;

/** What an employee typed, as HTML, with the accounts it mentions and the hashtags it uses (lower-case, no '#'). */
public record FormattedText(String html, List<Account> mentions, List<String> tags) {
    public FormattedText {
        mentions = List.copyOf(mentions);
        tags = List.copyOf(tags);
    }
}
