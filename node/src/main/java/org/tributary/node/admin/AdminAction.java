package org.tributary.node.admin;

/**
 * One thing an administrator did.
 *
 * @param actor  who did it: the admin's actor URI, or {@code cli} for the command line on the host
 * @param action what, e.g. {@code account.suspend}, {@code peer.add}, {@code delivery.retry}
 * @param target what it was done to: an account URI, a peer authority, a delivery id
 * @param detail the outcome or parameters worth keeping (never a password)
 */
public record AdminAction(String actor, String action, String target, String detail) {
    /** The actor named for changes made on the host with the {@code tributary} command. */
    public static final String CLI = "cli";
}
