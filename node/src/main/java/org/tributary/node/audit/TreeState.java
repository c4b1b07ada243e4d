package org.tributary.node.audit;

import java.util.Objects;
import org.tributary.federation.audit.TreeHash;

/**
 * The committed state of the log: its size and root, and the size it had after the last entry that was
 * not checkpoint gossip (what peers need to hear about).
 */
public record TreeState(long size, TreeHash root, long substantiveSize) {
    public TreeState {
        Objects.requireNonNull(root, "root");
    }
}
