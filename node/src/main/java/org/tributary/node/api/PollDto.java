package org.tributary.node.api;

import java.util.List;

/**
 * A poll as Mastodon clients read it ({@code /api/v1/polls/:id}); {@code id} is the id of its post.
 * {@code voted} and {@code ownVotes} are {@code null} when shown inside a post rather than to a viewer.
 */
public record PollDto(String id, String expiresAt, boolean expired, boolean multiple, int votesCount,
        Integer votersCount, List<Option> options, List<Object> emojis, Boolean voted, List<Integer> ownVotes) {

    public record Option(String title, Integer votesCount) {
    }
}
