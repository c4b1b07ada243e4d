package org.tributary.node.inbound;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.Tag;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.hashtag.TagFollowStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusEvents;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.thread.AncestorFetcher;

/**
 * A post from a colleague on another node. Guards: the object is an embedded Note written by the
 * actor; someone here follows the author, is addressed or mentioned, it answers one of our posts, or
 * it is an organization post with a hashtag someone here follows (a peer delivers those because this
 * node subscribed to the tag, spec/hashtags.md).
 * Then it is stored (sanitized, with its recipients and tags, notifying who it mentions or answers) and,
 * when it answers a post we do not have, the missing ancestors are fetched from their nodes.
 */
public final class CreateNoteHandler implements ActivityHandler {
    /** Posts we show: Notes (kudos and questions among them), polls (AS2 Question) and Events. */
    static final java.util.Set<String> HANDLED_TYPES = java.util.Set.of(As2.NOTE, As2.QUESTION, As2.EVENT);

    private final Database database;
    private final FollowStore follows;
    private final RemoteAccountService remoteAccounts;
    private final IncomingNotes incoming;
    private final AncestorFetcher ancestors;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final TagFollowStore tagFollows;
    private final StatusEvents events;

    public CreateNoteHandler(Database database, FollowStore follows, RemoteAccountService remoteAccounts,
            IncomingNotes incoming, AncestorFetcher ancestors, VocabCodec codec, LocalUris uris,
            TagFollowStore tagFollows, StatusEvents events) {
        this.tagFollows = tagFollows;
        this.events = events;
        this.database = database;
        this.follows = follows;
        this.remoteAccounts = remoteAccounts;
        this.incoming = incoming;
        this.ancestors = ancestors;
        this.codec = codec;
        this.uris = uris;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity create = codec.readActivity(inbound.json());
        if (!(create.object() instanceof ObjectRef.Embedded embedded) || !HANDLED_TYPES.contains(embedded.type())) {
            return new HandlerResult.Ignored("only embedded Notes, Questions and Events are handled");
        }
        Note note = codec.readNote(embedded.json());
        if (!create.actor().equals(note.attributedTo())) {
            return new HandlerResult.Ignored("the note is not attributed to the actor who created it");
        }
        Account author = remoteAccounts.byUri(create.actor());
        // Asked outside a transaction where it can be: whether the author has followers here is remembered.
        boolean wanted = follows.hasFollowers(author.id()) || isAddressedHere(note);
        List<String> hashtags = hashtags(note);
        boolean mayBeWantedForItsTags = !hashtags.isEmpty()
                && IncomingNotes.visibilityOf(note, author) == Visibility.ORGANIZATION;
        Optional<Status> stored = !wanted && !mayBeWantedForItsTags ? Optional.empty()
                : database.inTransaction(connection -> {
                    if (!wanted && !tagFollows.anyFollowed(connection, hashtags)) {
                        return Optional.<Status>empty();
                    }
                    return incoming.store(connection, note, embedded.json(), author, true);
                });
        if (stored.isEmpty()) {
            return new HandlerResult.Ignored("already known, or nobody here follows the author, is addressed or "
                    + "follows one of its tags: " + note.id());
        }
        events.created(stored.get());
        if (note.inReplyTo() != null) {
            // Best effort: the post is stored whether or not its ancestors can be fetched.
            ancestors.fetchMissing(note.inReplyTo());
        }
        return HandlerResult.applied();
    }

    /** Whether the note names someone here (to, cc, a mention) or replies to a post of ours. */
    private boolean isAddressedHere(Note note) {
        List<URI> named = new ArrayList<>(note.to());
        named.addAll(note.cc());
        note.tag().stream().filter(tag -> As2.MENTION.equals(tag.type())).map(Tag::href).forEach(named::add);
        for (URI recipient : named) {
            if (uris.isLocal(recipient)) {
                return true;
            }
        }
        return note.inReplyTo() != null && uris.isLocal(note.inReplyTo());
    }

    private static List<String> hashtags(Note note) {
        return note.tag().stream().filter(tag -> As2.HASHTAG.equals(tag.type()) && tag.name() != null)
                .map(tag -> StatusTagStore.normalize(tag.name())).filter(name -> !name.isEmpty()).toList();
    }
}
