package org.tributary.node.interaction;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.outbound.CountedNotes;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.IdGenerator;

/**
 * The rule that makes counts agree: the author's node is the only one that counts a post's likes and
 * boosts, and after every change it sends Update(Note) with the new {@code likes}/{@code shares} totals
 * to everyone who holds a copy: the post's audience (followers unless direct, the accounts it names) and
 * every remote account that liked or boosted it. Queued in the caller's transaction, so the report
 * leaves exactly when the change is committed. Department posts never leave the node.
 */
public final class CountReports {
    private final InteractionStore interactions;
    private final AccountStore accounts;
    private final StatusViews views;
    private final PostDelivery delivery;
    private final CountedNotes notes;
    private final LocalUris uris;
    private final IdGenerator ids;
    private final Clock clock;

    public CountReports(InteractionStore interactions, AccountStore accounts, StatusViews views,
            PostDelivery delivery, CountedNotes notes, LocalUris uris, IdGenerator ids, Clock clock) {
        this.interactions = interactions;
        this.accounts = accounts;
        this.views = views;
        this.delivery = delivery;
        this.notes = notes;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    /** Reports a local post's current counts; {@code alsoTo} are accounts that just took a reaction back. */
    public void report(Connection connection, Status status, List<Account> alsoTo) throws SQLException {
        if (!status.local() || !NoteActivities.federates(status.visibility())) {
            return;
        }
        StatusView view = views.of(connection, status);
        InteractionCounts counts = interactions.counts(connection, status);
        List<Account> holders = new ArrayList<>(alsoTo);
        for (long accountId : interactions.accountIds(connection, status.id())) {
            accounts.findById(connection, accountId).filter(account -> !account.isLocal()).ifPresent(holders::add);
        }
        URI activityId = uris.activity(view.author().username(), "updates", ids.next());
        delivery.send(connection, notes.countsUpdate(activityId, status, view.author(), delivery.audience(view),
                delivery.tags(view), delivery.attachments(view), counts.favourites(), counts.reblogs(), clock.instant()),
                view, holders);
    }
}
