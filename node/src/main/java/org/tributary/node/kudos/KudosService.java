package org.tributary.node.kudos;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.KudosActivities;
import org.tributary.node.post.Page;
import org.tributary.node.post.PostExtension;
import org.tributary.node.post.PostRequest;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Giving kudos and reading them. A kudos is an organization post "Kudos to @bob: message #value",
 * addressed to the whole organization and to its recipients, so it reaches the recipients' nodes and
 * the giver's followers; its recipients are notified "kudos".
 */
public final class KudosService {
    public static final int MAX_MESSAGE = 1000;
    /** How the text of every kudos post begins, before its recipients. */
    public static final String PREFIX = "Kudos to ";
    public static final int MAX_RECIPIENTS = 20;
    /** A value is one hashtag-like word, so it also reads as a hashtag on servers that know nothing of kudos. */
    public static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N}_]{1,40}");

    /** Whose kudos a person's feed lists. */
    public enum Direction {
        RECEIVED, GIVEN
    }

    private final Database database;
    private final KudosStore kudos;
    private final PostService posts;
    private final StatusStore statuses;
    private final StatusViews views;
    private final AccountStore accounts;
    private final StatusVisibility visibility;
    private final KudosActivities activities;

    public KudosService(Database database, KudosStore kudos, PostService posts, StatusStore statuses,
            StatusViews views, AccountStore accounts, StatusVisibility visibility, KudosActivities activities) {
        this.database = database;
        this.kudos = kudos;
        this.posts = posts;
        this.statuses = statuses;
        this.views = views;
        this.accounts = accounts;
        this.visibility = visibility;
        this.activities = activities;
    }

    public KudosView give(Account giver, KudosRequest request) {
        String value = validate(request);
        List<Account> recipients = database.inTransaction(connection -> recipients(connection, giver, request));
        StringBuilder text = new StringBuilder(PREFIX);
        for (int i = 0; i < recipients.size(); i++) {
            text.append(i == 0 ? "" : ", ").append('@').append(recipients.get(i).acct());
        }
        text.append(": ").append(request.message());
        if (value != null) {
            text.append(" #").append(value);
        }
        Status status = posts.post(giver, PostRequest.text(text.toString(), Visibility.ORGANIZATION),
                new Extension(giver, recipients, request.message(), value));
        return find(giver, status.id()).orElseThrow();
    }

    /** One kudos, if the viewer may see its post. */
    public Optional<KudosView> find(Account viewer, long id) {
        return database.inTransaction(connection -> statuses.findById(connection, id)
                .filter(status -> canSee(connection, viewer, status))
                .flatMap(status -> view(connection, status)));
    }

    /** The kudos one account received or gave, newest first. */
    public List<KudosView> feed(Account viewer, long accountId, Direction direction, Page page) {
        String condition = direction == Direction.RECEIVED
                ? "id IN (SELECT status_id FROM kudos_recipients WHERE account_id = ?)"
                : "id IN (SELECT status_id FROM kudos WHERE giver_id = ?)";
        return list(viewer, condition, List.of(accountId), page);
    }

    /** Every kudos this node knows, newest first: kudos are addressed to the whole organization. */
    public List<KudosView> organization(Account viewer, Page page) {
        return list(viewer, "id IN (SELECT status_id FROM kudos)", List.of(), page);
    }

    public List<KudosCount> countsReceived(long accountId) {
        return database.inTransaction(connection -> kudos.countsReceived(connection, accountId));
    }

    public long countGiven(long accountId) {
        return database.inTransaction(connection -> kudos.countGiven(connection, accountId));
    }

    private List<KudosView> list(Account viewer, String condition, List<Object> params, Page page) {
        return database.inTransaction(connection -> {
            List<KudosView> found = new ArrayList<>();
            for (Status status : statuses.where(connection, condition, params, page)) {
                if (canSee(connection, viewer, status)) {
                    view(connection, status).ifPresent(found::add);
                }
            }
            return found;
        });
    }

    private boolean canSee(Connection connection, Account viewer, Status status) {
        try {
            return visibility.canSee(connection, viewer, status);
        } catch (SQLException e) {
            throw new org.tributary.node.store.StoreException(e);
        }
    }

    private Optional<KudosView> view(Connection connection, Status status) {
        try {
            Optional<Kudos> found = kudos.find(connection, status.id());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StatusView post = views.of(connection, status);
            List<Account> recipients = new ArrayList<>();
            for (long id : found.get().recipientIds()) {
                accounts.findById(connection, id).ifPresent(recipients::add);
            }
            return Optional.of(new KudosView(found.get(), post, post.author(), recipients));
        } catch (SQLException e) {
            throw new org.tributary.node.store.StoreException(e);
        }
    }

    /** Checks the message and value; returns the value in lower case ({@code null} when none). */
    private static String validate(KudosRequest request) {
        if (request.recipientIds().isEmpty()) {
            throw new ApiException(422, "kudos_without_recipient", "a kudos needs at least one recipient");
        }
        if (request.recipientIds().size() > MAX_RECIPIENTS) {
            throw new ApiException(422, "too_many_recipients",
                    "a kudos is limited to " + MAX_RECIPIENTS + " recipients");
        }
        if (request.message().isEmpty()) {
            throw new ApiException(422, "empty_kudos", "a kudos needs a message");
        }
        if (request.message().length() > MAX_MESSAGE) {
            throw new ApiException(422, "kudos_too_long", "kudos messages are limited to " + MAX_MESSAGE
                    + " characters");
        }
        if (request.value() == null) {
            return null;
        }
        String value = request.value().startsWith("#") ? request.value().substring(1) : request.value();
        if (!VALUE.matcher(value).matches()) {
            throw new ApiException(422, "invalid_kudos_value",
                    "a value is one word of letters, digits or '_' (at most 40), e.g. teamwork");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private List<Account> recipients(Connection connection, Account giver, KudosRequest request)
            throws SQLException {
        Map<Long, Account> found = new LinkedHashMap<>();
        for (long id : request.recipientIds()) {
            Account account = accounts.findById(connection, id).filter(candidate -> !candidate.isInstanceActor()
                    && !candidate.suspended()).orElseThrow(() -> ApiException.notFound("account"));
            if (account.id() == giver.id()) {
                throw new ApiException(422, "kudos_to_self", "kudos are for colleagues, not for oneself");
            }
            found.put(account.id(), account);
        }
        return new ArrayList<>(found.values());
    }

    /** The kudos rows beside the post, and its Create typed Note + Kudos. */
    private final class Extension implements PostExtension {
        private final Account giver;
        private final List<Account> recipients;
        private final String message;
        private final String value;

        Extension(Account giver, List<Account> recipients, String message, String value) {
            this.giver = giver;
            this.recipients = recipients;
            this.message = message;
            this.value = value;
        }

        @Override
        public void store(Connection connection, StatusView view) throws SQLException {
            kudos.insertIfAbsent(connection, new Kudos(view.status().id(), giver.id(),
                    recipients.stream().map(Account::id).toList(), message, value, view.status().createdAt()));
        }

        @Override
        public Activity shapeCreate(Activity plainCreate) {
            List<URI> uris = recipients.stream().map(Account::uri).toList();
            return activities.create(plainCreate, uris, value);
        }

        @Override
        public NotificationType notificationFor(Account mentioned) {
            return recipients.stream().anyMatch(recipient -> recipient.id() == mentioned.id())
                    ? NotificationType.KUDOS : NotificationType.MENTION;
        }
    }
}
