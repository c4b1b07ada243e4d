package org.tributary.node.inbound;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.tributary.federation.inbox.ActivityHandler;
import org.tributary.federation.inbox.HandlerResult;
import org.tributary.federation.spi.InboundActivity;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.ObjectRef;
import org.tributary.federation.vocab.VocabCodec;
import org.tributary.node.account.Account;
import org.tributary.node.account.RemoteAccountService;
import org.tributary.node.config.LocalUris;
import org.tributary.node.follow.FollowStore;
import org.tributary.node.media.RemoteMediaReferences;
import org.tributary.node.post.HtmlSanitizer;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.store.IdGenerator;

/**
 * A post from a colleague on another node. Guards: the object is an embedded Note written by the
 * actor; someone here follows the author or is addressed, or it answers one of our posts. Its HTML is
 * sanitized before it is stored, because peers' HTML is not trusted.
 */
public final class CreateNoteHandler implements ActivityHandler {
    private final Database database;
    private final StatusStore statuses;
    private final FollowStore follows;
    private final RemoteAccountService remoteAccounts;
    private final HtmlSanitizer sanitizer;
    private final VocabCodec codec;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;
    private final RemoteMediaReferences remoteMedia;

    public CreateNoteHandler(Database database, StatusStore statuses, FollowStore follows,
            RemoteAccountService remoteAccounts, HtmlSanitizer sanitizer, VocabCodec codec, LocalUris uris,
            IdGenerator ids, Clock clock, RemoteMediaReferences remoteMedia) {
        this.database = database;
        this.statuses = statuses;
        this.follows = follows;
        this.remoteAccounts = remoteAccounts;
        this.sanitizer = sanitizer;
        this.codec = codec;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
        this.remoteMedia = remoteMedia;
    }

    @Override
    public HandlerResult handle(InboundActivity inbound) {
        Activity create = codec.readActivity(inbound.json());
        if (!(create.object() instanceof ObjectRef.Embedded embedded) || !"Note".equals(embedded.type())) {
            return new HandlerResult.Ignored("only embedded Notes are handled");
        }
        Note note = codec.readNote(embedded.json());
        if (!create.actor().equals(note.attributedTo())) {
            return new HandlerResult.Ignored("the note is not attributed to the actor who created it");
        }
        Account author = remoteAccounts.byUri(create.actor());
        return database.inTransaction(connection -> {
            if (!isRelevant(connection, note, author)) {
                return new HandlerResult.Ignored("nobody here follows the author or is addressed");
            }
            Status status = new Status(ids.next(), note.id(), author.id(), visibilityOf(note, author),
                    sanitizer.sanitize(note.content()), note.inReplyTo(), false,
                    note.published() == null ? clock.instant() : note.published());
            boolean inserted = statuses.insertIfAbsent(connection, status);
            if (inserted) {
                remoteMedia.store(connection, note, author.id(), status.id()); // references only, nothing fetched
            }
            return inserted ? HandlerResult.applied() : new HandlerResult.Ignored("already known: " + note.id());
        });
    }

    private boolean isRelevant(Connection connection, Note note, Account author) throws SQLException {
        if (!follows.followerIds(connection, author.id()).isEmpty()) {
            return true;
        }
        for (URI recipient : concat(note.to(), note.cc())) {
            if (uris.isLocal(recipient)) {
                return true;
            }
        }
        return note.inReplyTo() != null && uris.isLocal(note.inReplyTo());
    }

    private static Visibility visibilityOf(Note note, Account author) {
        List<URI> audience = concat(note.to(), note.cc());
        if (audience.stream().anyMatch(As2.PUBLIC::equals)) {
            return Visibility.ORGANIZATION;
        }
        if (author.followers() != null && audience.contains(author.followers())) {
            return Visibility.FOLLOWERS;
        }
        return Visibility.DIRECT;
    }

    private static List<URI> concat(List<URI> first, List<URI> second) {
        java.util.ArrayList<URI> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

}
