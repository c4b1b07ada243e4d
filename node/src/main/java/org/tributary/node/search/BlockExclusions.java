package org.tributary.node.search;

import org.tributary.node.account.Account;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;

/** Blocks hide both ways in search: neither side finds the other, nor the other's posts. */
public final class BlockExclusions implements SearchExclusions {
    private final Database database;
    private final BlockStore blocks;

    public BlockExclusions(Database database, BlockStore blocks) {
        this.database = database;
        this.blocks = blocks;
    }

    @Override
    public boolean hides(Account viewer, long authorAccountId) {
        return viewer.id() != authorAccountId
                && database.inTransaction(connection -> blocks.eitherBlocks(connection, viewer.id(), authorAccountId));
    }
}
