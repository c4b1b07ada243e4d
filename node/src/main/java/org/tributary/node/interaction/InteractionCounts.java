package org.tributary.node.interaction;

/** How many likes and boosts a post has, as this node shows them. */
public record InteractionCounts(long favourites, long reblogs) {
    public static final InteractionCounts NONE = new InteractionCounts(0, 0);
}
