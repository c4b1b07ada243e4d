package org.tributary.node.api;

import java.util.List;

/**
 * An event as clients read it ({@code /api/v1/events}): {@code id} is its post's id. {@code rsvps} and
 * the counts are the answers this node knows (all of them on the organizer's node); {@code ownAnswer}
 * is the viewer's ({@code null} if none).
 */
public record EventDto(String id, String uri, String name, String startTime, String endTime, PlaceDto place,
        Counts counts, List<Attendee> rsvps, String ownAnswer, StatusDto status) {

    public record PlaceDto(String name, Double latitude, Double longitude, String address) {
    }

    public record Counts(long accept, long tentative, long reject) {
    }

    public record Attendee(AccountDto account, String answer) {
    }
}
