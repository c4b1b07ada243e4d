package org.tributary.node.question;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.vocab.Activity;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.config.LocalUris;
import org.tributary.node.http.ApiException;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.NoteActivities;
import org.tributary.node.outbound.QuestionActivities;
import org.tributary.node.post.Page;
import org.tributary.node.post.PostDelivery;
import org.tributary.node.post.PostExtension;
import org.tributary.node.post.PostRequest;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.store.StoreException;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Asking, accepting an answer and listing questions. Accepting is the asker's alone; the answer must
 * be a reply to the question. The acceptance goes to everyone the question reached and to the
 * answer's author, whose node tells them "accepted_answer".
 */
public final class QuestionService {

    /** Which questions a list shows. */
    public enum State {
        OPEN, ANSWERED, ALL
    }

    private final Database database;
    private final QuestionStore questions;
    private final PostService posts;
    private final StatusStore statuses;
    private final StatusViews views;
    private final AccountStore accounts;
    private final StatusVisibility visibility;
    private final PostDelivery delivery;
    private final NoteActivities notes;
    private final QuestionActivities activities;
    private final NotificationService notifications;
    private final LocalUris uris;
    private final org.tributary.node.store.IdGenerator ids;
    private final Clock clock;

    public QuestionService(Database database, QuestionStore questions, PostService posts, StatusStore statuses,
            StatusViews views, AccountStore accounts, StatusVisibility visibility, PostDelivery delivery,
            NoteActivities notes, QuestionActivities activities, NotificationService notifications, LocalUris uris,
            org.tributary.node.store.IdGenerator ids, Clock clock) {
        this.database = database;
        this.questions = questions;
        this.posts = posts;
        this.statuses = statuses;
        this.views = views;
        this.accounts = accounts;
        this.visibility = visibility;
        this.delivery = delivery;
        this.notes = notes;
        this.activities = activities;
        this.notifications = notifications;
        this.uris = uris;
        this.ids = ids;
        this.clock = clock;
    }

    /** Posts a question. */
    public QuestionView ask(Account asker, PostRequest request) {
        Status status = posts.post(asker, request, extension());
        return find(asker, status.id()).orElseThrow();
    }

    /** What a post marked as a question adds: its row, and the extra type on its Note. */
    public PostExtension extension() {
        return new PostExtension() {
            @Override
            public void store(Connection connection, StatusView view) throws SQLException {
                questions.insertIfAbsent(connection, view.status().id());
            }

            @Override
            public Activity shapeCreate(Activity plainCreate) {
                return activities.shape(plainCreate, null);
            }
        };
    }

    public Optional<QuestionView> find(Account viewer, long id) {
        return database.inTransaction(connection -> {
            Optional<Status> status = statuses.findById(connection, id);
            if (status.isEmpty() || !visibility.canSee(connection, viewer, status.get())) {
                return Optional.<QuestionView>empty();
            }
            return view(connection, viewer, status.get());
        });
    }

    /** Questions the viewer may see, newest first. */
    public List<QuestionView> list(Account viewer, State state, Page page) {
        String condition = switch (state) {
            case OPEN -> "id IN (SELECT status_id FROM questions WHERE accepted_answer_uri IS NULL)";
            case ANSWERED -> "id IN (SELECT status_id FROM questions WHERE accepted_answer_uri IS NOT NULL)";
            case ALL -> "id IN (SELECT status_id FROM questions)";
        };
        return database.inTransaction(connection -> {
            List<QuestionView> found = new ArrayList<>();
            for (Status status : statuses.where(connection, condition, List.of(), page)) {
                if (visibility.canSee(connection, viewer, status)) {
                    view(connection, viewer, status).ifPresent(found::add);
                }
            }
            return found;
        });
    }

    /** The asker accepts {@code answerId}, a reply to their question; the last acceptance wins. */
    public QuestionView accept(Account asker, long questionId, long answerId) {
        return database.inTransaction(connection -> {
            Status question = statuses.findById(connection, questionId)
                    .filter(found -> canSee(connection, asker, found))
                    .orElseThrow(() -> ApiException.notFound("question"));
            if (questions.find(connection, questionId).isEmpty()) {
                throw ApiException.notFound("question");
            }
            if (question.accountId() != asker.id() || !question.local()) {
                throw ApiException.forbidden("not_asker", "only the asker may accept an answer");
            }
            Status answer = statuses.findById(connection, answerId).filter(found -> canSee(connection, asker, found))
                    .orElseThrow(() -> ApiException.notFound("answer"));
            if (!question.uri().equals(answer.inReplyTo())) {
                throw new ApiException(422, "not_an_answer", "the accepted answer must be a reply to the question");
            }
            Instant now = clock.instant();
            questions.accept(connection, questionId, answer.uri(), now);
            notifications.notify(connection, answer.accountId(), NotificationType.ACCEPTED_ANSWER, asker.id(),
                    answer.id());
            StatusView view = views.of(connection, question);
            URI activityId = uris.activity(asker.username(), "updates", ids.next());
            Activity plain = notes.update(activityId, question, asker, delivery.audience(view), delivery.tags(view));
            List<Account> alsoTo = new ArrayList<>();
            accounts.findById(connection, answer.accountId()).ifPresent(alsoTo::add);
            delivery.send(connection, activities.shape(plain, answer.uri()), view, alsoTo);
            return view(connection, asker, question).orElseThrow();
        });
    }

    private Optional<QuestionView> view(Connection connection, Account viewer, Status status) throws SQLException {
        Optional<Question> question = questions.find(connection, status.id());
        if (question.isEmpty()) {
            return Optional.empty();
        }
        Optional<StatusView> answer = Optional.empty();
        if (question.get().acceptedAnswer() != null) {
            Optional<Status> found = statuses.findByUri(connection, question.get().acceptedAnswer());
            if (found.isPresent() && visibility.canSee(connection, viewer, found.get())) {
                answer = Optional.of(views.of(connection, found.get()));
            }
        }
        return Optional.of(new QuestionView(question.get(), views.of(connection, status), answer));
    }

    private boolean canSee(Connection connection, Account viewer, Status status) {
        try {
            return visibility.canSee(connection, viewer, status);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
