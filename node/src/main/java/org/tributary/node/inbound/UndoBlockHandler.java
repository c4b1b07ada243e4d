package org.tributary.node.inbound;

import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.relationship.Block;
import org.tributary.node.relationship.BlockStore;
import org.tributary.node.store.Database;

/** A colleague on another node lifts a block. Guards: we kept that Block, and its actor undoes it. */
public final class UndoBlockHandler implements ActivityHandler {
    private final Database database;
    private final AccountStore accounts;
    private final BlockStore blocks;
    private final VocabCodec codec;

    public UndoBlockHandler(Database database, AccountStore accounts, BlockStore blocks, VocabCodec codec) {
        this.database = database;
        this.accounts = accounts;
        this.blocks = blocks;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity undo = codec.readActivity(inbound.json());
        return database.inTransaction(connection -> {
            Optional<Block> block = blocks.findByActivity(connection, undo.objectId());
            if (block.isEmpty()) {
                return new HandlerResult.Ignored("no block here with id " + undo.objectId());
            }
            Optional<Account> blocker = accounts.findById(connection, block.get().accountId());
            if (blocker.isEmpty() || !blocker.get().uri().equals(undo.actor())) {
                return new HandlerResult.Ignored("only the blocker may undo a block");
            }
            blocks.delete(connection, block.get().id());
            return HandlerResult.applied();
        });
    }
}
