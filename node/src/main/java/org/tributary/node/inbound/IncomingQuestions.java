package org.tributary.node.inbound;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.TributaryTerms;
import org.tributary.node.account.Account;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.outbound.QuestionActivities;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.question.Question;
import org.tributary.node.question.QuestionStore;

/**
 * A peer's question (a Note that also declares {@code schema:Question}): kept in the questions list;
 * when an Update brings an {@code acceptedAnswer} that is a reply to it, the answer is recorded and
 * its author, if they work here, is told "accepted_answer".
 */
public final class IncomingQuestions implements IncomingPostPart {
    private static final String SCHEMA_QUESTION_IRI = "https://schema.org/Question";

    private final QuestionStore questions;
    private final StatusStore statuses;
    private final NotificationService notifications;
    private final java.time.Clock clock;

    public IncomingQuestions(QuestionStore questions, StatusStore statuses, NotificationService notifications,
            java.time.Clock clock) {
        this.questions = questions;
        this.statuses = statuses;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void stored(Connection connection, Status status, Note note, JsonObject object, Account author,
            boolean created) throws SQLException {
        if (!ObjectTypes.declares(object, QuestionActivities.SCHEMA_QUESTION)
                && !ObjectTypes.declares(object, SCHEMA_QUESTION_IRI)) {
            return;
        }
        questions.insertIfAbsent(connection, status.id());
        Optional<URI> accepted = acceptedAnswer(object);
        Optional<Question> known = questions.find(connection, status.id());
        if (accepted.isEmpty() || known.isEmpty() || accepted.get().equals(known.get().acceptedAnswer())) {
            return;
        }
        Optional<Status> answer = statuses.findByUri(connection, accepted.get());
        if (answer.isPresent() && !status.uri().equals(answer.get().inReplyTo())) {
            return; // an "answer" that does not answer this question is not recorded
        }
        questions.accept(connection, status.id(), accepted.get(),
                note.updated() == null ? clock.instant() : note.updated());
        if (answer.isPresent()) {
            notifications.notify(connection, answer.get().accountId(), NotificationType.ACCEPTED_ANSWER, author.id(),
                    answer.get().id());
        }
    }

    private static Optional<URI> acceptedAnswer(JsonObject object) {
        JsonValue value = object.get(TributaryTerms.ACCEPTED_ANSWER);
        String text = null;
        if (value instanceof JsonString string) {
            text = string.getString();
        } else if (value instanceof JsonObject linked && linked.get("id") instanceof JsonString id) {
            text = id.getString();
        }
        try {
            return text == null ? Optional.empty() : Optional.of(URI.create(text)).filter(URI::isAbsolute);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
