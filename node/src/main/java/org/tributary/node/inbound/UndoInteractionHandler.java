package org.tributary.node.inbound;

import java.util.List;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.interaction.CountReports;
import org.tributary.node.interaction.Interaction;
import org.tributary.node.interaction.InteractionKind;
import org.tributary.node.interaction.InteractionStore;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;

/**
 * A colleague on another node takes back a like ({@code Undo(Like)}) or a boost ({@code Undo(Announce)});
 * one instance per kind is registered with the {@link UndoRouter}. Guards: we recorded that Like or
 * Announce, and the actor undoing it is the one who made it. Then the row goes and, for one of our posts,
 * the new counts are reported (the undoing account is told too, as it no longer counts as a holder).
 */
public final class UndoInteractionHandler implements ActivityHandler {
    private final InteractionKind kind;
    private final Database database;
    private final InteractionStore interactions;
    private final StatusStore statuses;
    private final AccountStore accounts;
    private final CountReports reports;
    private final VocabCodec codec;

    public UndoInteractionHandler(InteractionKind kind, Database database, InteractionStore interactions,
            StatusStore statuses, AccountStore accounts, CountReports reports, VocabCodec codec) {
        this.kind = kind;
        this.database = database;
        this.interactions = interactions;
        this.statuses = statuses;
        this.accounts = accounts;
        this.reports = reports;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity undo = codec.readActivity(inbound.json());
        return database.inTransaction(connection -> {
            Optional<Interaction> interaction = interactions.findByActivity(connection, kind, undo.objectId());
            if (interaction.isEmpty()) {
                return new HandlerResult.Ignored("no " + kind.activityType() + " here with id " + undo.objectId());
            }
            Optional<Account> actor = accounts.findById(connection, interaction.get().accountId());
            if (actor.isEmpty() || !actor.get().uri().equals(undo.actor())) {
                return new HandlerResult.Ignored("only its actor may undo a " + kind.activityType());
            }
            interactions.delete(connection, interaction.get());
            var status = statuses.findById(connection, interaction.get().statusId());
            if (status.isPresent() && status.get().local()) {
                reports.report(connection, status.get(), List.of(actor.get()));
            }
            return HandlerResult.applied();
        });
    }
}
