package org.tributary.node.kudos;

import java.util.List;

/** What an employee asks for: the accounts (ids on this node) to recognise, a message and an optional value. */
public record KudosRequest(List<Long> recipientIds, String message, String value) {
    public KudosRequest {
        recipientIds = recipientIds == null ? List.of() : List.copyOf(recipientIds);
        message = message == null ? "" : message.strip();
        value = value == null || value.isBlank() ? null : value.strip();
    }
}
