package org.tributary.node.api;

import java.util.List;

/**
 * A post as Mastodon clients read it ({@code /api/v1/statuses/:id}); field names become snake_case. A
 * boost is a wrapper whose {@code reblog} is the boosted post; {@code favourited} and {@code reblogged}
 * say what the viewer did.
 */
public record StatusDto(String id, String uri, String url, String createdAt, AccountDto account, String content,
        String visibility, boolean sensitive, String spoilerText, String inReplyToId, String inReplyToAccountId,
        String language, long repliesCount, long reblogsCount, long favouritesCount, boolean favourited,
        boolean reblogged, List<Object> mediaAttachments, List<MentionDto> mentions, List<TagDto> tags,
        List<Object> emojis, StatusDto reblog, Object poll, Object card, String editedAt, String text) {
}
