package org.tributary.node.post;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.media.MediaStore;
import org.tributary.node.store.Database;

/** Loads {@link StatusView}s: a post with its author, recipients, mentions, tags, known parent and media. */
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
        return database.inTransaction(connection -> {
            List<StatusView> views = new ArrayList<>();
            for (Status status : list) {
                views.add(of(connection, status));
            }
            return views;
        });
    }

    public StatusView of(Connection connection, Status status) throws SQLException {
        Account author = accounts.findById(connection, status.accountId())
                .orElseThrow(() -> new IllegalStateException("status " + status.id() + " has no author row"));
        List<Account> addressed = new ArrayList<>();
        List<Account> mentioned = new ArrayList<>();
        for (Recipient recipient : recipients.of(connection, status.id())) {
            Optional<Account> account = accounts.findById(connection, recipient.accountId());
            if (account.isPresent()) {
                addressed.add(account.get());
                if (recipient.mentioned()) {
                    mentioned.add(account.get());
                }
            }
        }
        Optional<Status> parent = status.inReplyTo() == null ? Optional.empty()
                : statuses.findByUri(connection, status.inReplyTo());
        return new StatusView(status, author, addressed, mentioned, tags.of(connection, status.id()), parent,
                media.byStatus(connection, status.id()));
    }
}
