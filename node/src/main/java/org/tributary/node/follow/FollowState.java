package org.tributary.node.follow;

/** Where a follow stands. */
public enum FollowState {
    PENDING, ACCEPTED
}
