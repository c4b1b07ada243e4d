package org.tributary.node.question;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.tributary.node.store.Jdbc;

/** The questions table. */
public final class QuestionStore {

    public void insertIfAbsent(Connection connection, long statusId) throws SQLException {
        if (find(connection, statusId).isEmpty()) {
            Jdbc.update(connection, "INSERT INTO questions (status_id) VALUES (?)", statusId);
        }
    }

    public Optional<Question> find(Connection connection, long statusId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT status_id, accepted_answer_uri, accepted_at FROM questions "
                + "WHERE status_id = ?", row -> new Question(row.getLong(1), Jdbc.uri(row, "accepted_answer_uri"),
                Jdbc.instant(row, "accepted_at")), statusId);
    }

    public void accept(Connection connection, long statusId, URI answer, Instant at) throws SQLException {
        Jdbc.update(connection, "UPDATE questions SET accepted_answer_uri = ?, accepted_at = ? WHERE status_id = ?",
                answer, at, statusId);
    }
}
