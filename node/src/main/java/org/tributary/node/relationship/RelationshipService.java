package org.tributary.node.relationship;

import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.follow.Follow;
import org.tributary.node.follow.FollowState;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.store.Database;

/** Reads the relationship between two accounts in one transaction. */
public final class RelationshipService {
    private final Database database;
    private final FollowStore follows;
    private final BlockStore blocks;
    private final MuteStore mutes;

    public RelationshipService(Database database, FollowStore follows, BlockStore blocks, MuteStore mutes) {
        this.database = database;
        this.follows = follows;
        this.blocks = blocks;
        this.mutes = mutes;
    }

    public Relationship between(Account viewer, Account other) {
        return database.inTransaction(connection -> {
            Optional<Follow> outgoing = follows.find(connection, viewer.id(), other.id());
            Optional<Follow> incoming = follows.find(connection, other.id(), viewer.id());
            Optional<Mute> mute = mutes.find(connection, viewer.id(), other.id());
            return new Relationship(other.id(), is(outgoing, FollowState.ACCEPTED), is(outgoing, FollowState.PENDING),
                    is(incoming, FollowState.ACCEPTED), is(incoming, FollowState.PENDING),
                    blocks.blocks(connection, viewer.id(), other.id()),
                    blocks.blocks(connection, other.id(), viewer.id()), mute.isPresent(),
                    mute.map(Mute::hideNotifications).orElse(false));
        });
    }

    private static boolean is(Optional<Follow> follow, FollowState state) {
        return follow.filter(found -> found.state() == state).isPresent();
    }
}
