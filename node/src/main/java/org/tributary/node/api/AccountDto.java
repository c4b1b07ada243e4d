package org.tributary.node.api;

import java.util.List;

/**
 * An account as Mastodon clients read it ({@code /api/v1/accounts/:id}); field names become snake_case.
 * {@code fields} carries title, location and department as Mastodon profile fields; {@code tributary}
 * carries the same as our own extension object, for clients that know it.
 */
public record AccountDto(String id, String username, String acct, String displayName, String note, String url,
        String uri, boolean locked, boolean bot, boolean group, boolean discoverable, String createdAt,
        String avatar, String avatarStatic, String header, String headerStatic, long followersCount,
        long followingCount, long statusesCount, List<Object> emojis, List<FieldDto> fields,
        ProfileExtensionDto tributary) {

    /** A Mastodon profile field; ours are never link-verified. */
    public record FieldDto(String name, String value, String verifiedAt) {
    }

    /** Our profile extension: what the person does and where. */
    public record ProfileExtensionDto(String department, String title, String location) {
    }
}
