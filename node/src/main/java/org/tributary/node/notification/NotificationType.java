package org.tributary.node.notification;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notification, stored and sent to clients by {@link #apiName()} (Mastodon's words where
 * Mastodon has one). Adding a kind is adding a constant: the table stores the name as text.
 */
public enum NotificationType {
    MENTION, REPLY, FOLLOW, FOLLOW_REQUEST, FAVOURITE, REBLOG, KUDOS, POLL, RSVP, ACCEPTED_ANSWER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationType> fromApiName(String name) {
        for (NotificationType type : values()) {
            if (type.apiName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
