package org.tributary.node.api;

import java.util.List;

/** An account as Mastodon clients read it ({@code /api/v1/accounts/:id}); field names become snake_case. */
public record AccountDto(String id, String username, String acct, String displayName, String note, String url,
        String uri, boolean locked, boolean bot, boolean group, boolean discoverable, String createdAt,
        String avatar, String avatarStatic, String header, String headerStatic, long followersCount,
        long followingCount, long statusesCount, List<Object> emojis, List<Object> fields) {
}
