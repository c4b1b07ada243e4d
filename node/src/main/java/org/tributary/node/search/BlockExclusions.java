package org.tributary.node.search;

import java.util.Set;
import java.util.function.LongPredicate;
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
    public LongPredicate hiddenFrom(Account viewer) {
        Set<Long> blocked = database.inTransaction(connection -> blocks.eitherWay(connection, viewer.id()));
        return accountId -> accountId != viewer.id() && blocked.contains(accountId);
    }
}
