package org.tributary.node.kudos;

/** How many kudos someone received for one value; {@code value} is {@code null} for kudos without one. */
public record KudosCount(String value, long count) {
}
