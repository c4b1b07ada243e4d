package org.tributary.node.inbound;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.outbound.PollActivities;
import org.tributary.node.poll.PollService;
import org.tributary.node.poll.VoteResult;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Database;

/**
 * A vote on one of our polls from a colleague on another node: {@code Create} of a Note with a
 * {@code name} (the option) and no content, in reply to the poll. Guards: the Note is the actor's; it
 * answers a live post of ours that has a poll. Then the poll service counts it or refuses it (closed,
 * unknown option, second vote). Every other Create goes to {@code otherwise}.
 */
public final class PollVoteHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final RemoteAccountService remoteAccounts;
    private final PollService polls;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final ActivityHandler otherwise;

    public PollVoteHandler(Database database, StatusStore statuses, RemoteAccountService remoteAccounts,
            PollService polls, VocabCodec codec, LocalUris uris, ActivityHandler otherwise) {
        this.database = database;
        this.statuses = statuses;
        this.remoteAccounts = remoteAccounts;
        this.polls = polls;
        this.codec = codec;
        this.uris = uris;
        this.otherwise = otherwise;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        // Nearly every Create is not a vote: those without a named object go on before the activity is mapped
        // (mapping it twice, here and in the next handler, cost as much as storing the note).
        if (!(inbound.json().get("object") instanceof JsonObject object) || object.get("name") == null) {
            return otherwise.handle(inbound);
        }
        Activity create = codec.readActivity(inbound.json());
        if (!(create.object() instanceof ObjectRef.Embedded embedded) || !PollActivities.isVote(embedded)
                || !(embedded.json().get("name") instanceof JsonString option)) {
            return otherwise.handle(inbound);
        }
        var note = codec.readNote(embedded.json());
        if (note.inReplyTo() == null || !uris.isLocal(note.inReplyTo())) {
            return otherwise.handle(inbound);
        }
        if (!create.actor().equals(note.attributedTo())) {
            return new HandlerResult.Ignored("the vote is not attributed to the actor who sent it");
        }
        Account voter = remoteAccounts.byUri(create.actor());
        return database.inTransaction(connection -> {
            Optional<Status> poll = statuses.findByUri(connection, note.inReplyTo());
            if (poll.isEmpty()) {
                return new HandlerResult.Ignored("no such poll: " + note.inReplyTo());
            }
            VoteResult result = polls.receiveVote(connection, voter, poll.get(), option.getString());
            if (result instanceof VoteResult.Refused refused) {
                return new HandlerResult.Ignored("vote refused: " + refused.reason());
            }
            return HandlerResult.applied();
        });
    }
}
