package org.tributary.node.api;

import java.util.List;

/** How many kudos an account received (in total and per value) and gave. */
public record KudosCountsDto(String accountId, long received, long given, List<ValueCount> byValue) {

    /** {@code value} is {@code null} for the kudos given without one. */
    public record ValueCount(String value, long count) {
    }
}
