package org.tributary.node.api;

import java.util.List;

/**
 * A kudos as clients read it ({@code /api/v1/kudos}): {@code id} is the id of the post that carries it
 * ({@code status}); {@code value} is {@code null} when none was given.
 */
public record KudosDto(String id, String uri, String createdAt, AccountDto giver, List<AccountDto> recipients,
        String message, String value, StatusDto status) {
}
