package org.tributary.node.interaction;

/** A post's counts and whether the viewer liked or boosted it. */
public record StatusInteractions(InteractionCounts counts, boolean favourited, boolean reblogged) {
    public static final StatusInteractions NONE = new StatusInteractions(InteractionCounts.NONE, false, false);
}
