package org.tributary.node.post;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.media.MediaAttachment;
import org.tributary.node.media.MediaStore;
import org.tributary.node.store.Database;

/**
 * Loads {@link StatusView}s: a post with its author, recipients, mentions, tags, known parent and media.
 * A list of posts is loaded with one query per kind of data for the whole list (recipients, accounts,
 * parents, tags, media), whatever its length; one post is a list of one.
 */
public final class StatusViews {
    private final Database database;
    private final StatusStore statuses;
    private final StatusRecipientStore recipients;
    private final StatusTagStore tags;
    private final AccountStore accounts;
    private final MediaStore media;

    public StatusViews(Database database, StatusStore statuses, StatusRecipientStore recipients, StatusTagStore tags,
            AccountStore accounts, MediaStore media) {
        this.database = database;
        this.statuses = statuses;
        this.recipients = recipients;
        this.tags = tags;
        this.accounts = accounts;
        this.media = media;
    }

    public StatusView of(Status status) {
        return database.inTransaction(connection -> of(connection, status));
    }

    public List<StatusView> of(List<Status> list) {
        return database.inTransaction(connection -> of(connection, list));
    }

    public StatusView of(Connection connection, Status status) throws SQLException {
        return of(connection, List.of(status)).get(0);
    }

    /** The views of {@code list}, in its order. */
    public List<StatusView> of(Connection connection, List<Status> list) throws SQLException {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Status::id).toList();
        Map<Long, List<Recipient>> addressed = recipients.of(connection, ids);
        Set<Long> accountIds = new HashSet<>();
        Set<URI> parentUris = new HashSet<>();
        for (Status status : list) {
            accountIds.add(status.accountId());
            addressed.getOrDefault(status.id(), List.of()).forEach(recipient -> accountIds.add(recipient.accountId()));
            if (status.inReplyTo() != null) {
                parentUris.add(status.inReplyTo());
            }
        }
        Map<Long, Account> known = accounts.findByIds(connection, accountIds);
        Map<String, Status> parents = statuses.findByUris(connection, parentUris);
        Map<Long, List<String>> tagged = tags.of(connection, ids);
        Map<Long, List<MediaAttachment>> attached = media.byStatuses(connection, ids);
        List<StatusView> views = new ArrayList<>(list.size());
        for (Status status : list) {
            Account author = known.get(status.accountId());
            if (author == null) {
                throw new IllegalStateException("status " + status.id() + " has no author row");
            }
            List<Account> named = new ArrayList<>();
            List<Account> mentioned = new ArrayList<>();
            for (Recipient recipient : addressed.getOrDefault(status.id(), List.of())) {
                Account account = known.get(recipient.accountId());
                if (account != null) {
                    named.add(account);
                    if (recipient.mentioned()) {
                        mentioned.add(account);
                    }
                }
            }
            Optional<Status> parent = status.inReplyTo() == null ? Optional.empty()
                    : Optional.ofNullable(parents.get(status.inReplyTo().toString()));
            views.add(new StatusView(status, author, named, mentioned, tagged.getOrDefault(status.id(), List.of()),
                    parent, attached.getOrDefault(status.id(), List.of())));
        }
        return views;
    }
}
