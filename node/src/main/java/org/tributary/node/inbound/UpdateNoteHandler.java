package org.tributary.node.inbound;

import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;

/**
 * A colleague on another node edited a post. Guards: the object is an embedded post attributed to the
 * actor; we have that post; it is not ours; and the stored post's author is the actor (the pipeline
 * checked origins only, not that this actor wrote this post). Then the new content replaces the old,
 * when it changed, and the likes and boosts the author's node counted (its {@code likes} and
 * {@code shares} collections) replace the counts shown here: an Update that only reports counts leaves
 * the post unedited.
 */
public final class UpdateNoteHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final AccountStore accounts;
    private final IncomingNotes incoming;
    private final VocabCodec codec;

    public UpdateNoteHandler(Database database, StatusStore statuses, AccountStore accounts, IncomingNotes incoming,
            VocabCodec codec) {
        this.database = database;
        this.statuses = statuses;
        this.accounts = accounts;
        this.incoming = incoming;
        this.codec = codec;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity update = codec.readActivity(inbound.json());
        if (!(update.object() instanceof ObjectRef.Embedded embedded)
                || !CreateNoteHandler.HANDLED_TYPES.contains(embedded.type())) {
            return new HandlerResult.Ignored("only updates of embedded Notes, Questions and Events are handled");
        }
        Note note = codec.readNote(embedded.json());
        if (!update.actor().equals(note.attributedTo())) {
            return new HandlerResult.Ignored("the note is not attributed to the actor who updates it");
        }
        return database.inTransaction(connection -> {
            Optional<Status> existing = statuses.findByUri(connection, note.id());
            if (existing.isEmpty() || existing.get().local()) {
                return new HandlerResult.Ignored("no remote post here with id " + note.id());
            }
            Optional<Account> actor = accounts.findByUri(connection, update.actor());
            if (actor.isEmpty() || actor.get().id() != existing.get().accountId()) {
                return new HandlerResult.Ignored("only the author may update a post");
            }
            incoming.applyUpdate(connection, existing.get(), note, embedded.json(), actor.get());
            return HandlerResult.applied();
        });
    }
}
