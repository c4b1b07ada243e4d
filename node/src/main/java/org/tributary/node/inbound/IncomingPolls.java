package org.tributary.node.inbound;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.Note;
import org.tributary.node.account.Account;
import org.tributary.node.notification.NotificationService;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.poll.Poll;
import org.tributary.node.poll.PollService;
import org.tributary.node.poll.PollStore;
import org.tributary.node.post.Status;

/**
 * A peer's poll (an AS2 {@code Question} with {@code oneOf} or {@code anyOf}): its options are stored
 * with the post; each later {@code Update(Question)} brings the counts its author's node keeps, and
 * when it first says {@code closed}, the employees here who voted are told "poll".
 */
public final class IncomingPolls implements IncomingPostPart {
    private final PollStore polls;
    private final NotificationService notifications;

    public IncomingPolls(PollStore polls, NotificationService notifications) {
        this.polls = polls;
        this.notifications = notifications;
    }

    @Override
    public void stored(Connection connection, Status status, Note note, JsonObject object, Account author,
            boolean created) throws SQLException {
        if (!As2.QUESTION.equals(note.type())) {
            return;
        }
        boolean multiple = object.get("anyOf") instanceof JsonArray;
        JsonValue optionsValue = multiple ? object.get("anyOf") : object.get("oneOf");
        if (!(optionsValue instanceof JsonArray array) || array.isEmpty()) {
            return;
        }
        List<Poll.Option> options = new ArrayList<>();
        for (JsonValue value : array.subList(0, Math.min(array.size(), PollService.MAX_OPTIONS))) {
            if (value instanceof JsonObject option && option.get("name") instanceof JsonString name) {
                options.add(new Poll.Option(truncate(name.getString()), totalItems(option)));
            }
        }
        boolean closed = object.get("closed") != null && object.get("closed") != JsonValue.NULL
                && object.get("closed") != JsonValue.FALSE;
        int voters = object.get("votersCount") instanceof JsonNumber number ? Math.max(0, number.intValue())
                : options.stream().mapToInt(Poll.Option::votesCount).sum();
        Optional<Poll> existing = polls.find(connection, status.id());
        if (existing.isEmpty()) {
            polls.insertIfAbsent(connection, new Poll(status.id(), multiple, instant(object, "endTime"), closed,
                    voters, options));
            return;
        }
        polls.report(connection, status.id(), options.stream().map(Poll.Option::votesCount).toList(), voters,
                closed || existing.get().closed());
        if (closed && !existing.get().closed()) {
            for (long voterId : polls.voterIds(connection, status.id())) {
                notifications.notify(connection, voterId, NotificationType.POLL, author.id(), status.id());
            }
        }
    }

    private static int totalItems(JsonObject option) {
        if (option.get("replies") instanceof JsonObject replies && replies.get("totalItems") instanceof JsonNumber n) {
            return Math.max(0, n.intValue());
        }
        return 0;
    }

    private static Instant instant(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString text)) {
            return null;
        }
        try {
            return Instant.parse(text.getString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String truncate(String title) {
        String stripped = title.strip();
        return stripped.length() > PollService.MAX_OPTION_CHARACTERS
                ? stripped.substring(0, PollService.MAX_OPTION_CHARACTERS) : stripped;
    }
}
