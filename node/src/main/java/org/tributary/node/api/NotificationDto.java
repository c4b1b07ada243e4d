package org.tributary.node.api;

/** A notification as Mastodon clients read it; {@code status} is null for follows. */
public record NotificationDto(String id, String type, String createdAt, AccountDto account, StatusDto status) {
}
