package org.tributary.node.interaction;

/** The two ways of reacting to a post, with their table, their activity type and their id path segment. */
public enum InteractionKind {
    FAVOURITE("favourites", "Like", "likes"),
    REBLOG("reblogs", "Announce", "announces");

    private final String table;
    private final String activityType;
    private final String uriSegment;

    InteractionKind(String table, String activityType, String uriSegment) {
        this.table = table;
        this.activityType = activityType;
        this.uriSegment = uriSegment;
    }

    String table() {
        return table;
    }

    /** {@code Like} or {@code Announce}. */
    public String activityType() {
        return activityType;
    }

    /** Where this node mints the ids of its own such activities: {@code /users/<name>/<segment>/<id>}. */
    public String uriSegment() {
        return uriSegment;
    }
}
