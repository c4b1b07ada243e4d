package org.tributary.node.search;

import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.post.StatusView;

/** What a search found that the viewer may see: people, posts and hashtag names (lower case). */
public record SearchResults(List<Account> accounts, List<StatusView> statuses, List<String> hashtags) {
}
