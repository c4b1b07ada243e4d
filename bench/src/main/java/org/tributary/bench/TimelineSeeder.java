package org.tributary.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.tributary.node.store.Hashes;

/**
 * Seeds a stopped node's Derby store directly with JDBC batch inserts: remote authors (on a made-up
 * peer that is never contacted), a local reader who follows some of them, and many posts spread
 * round-robin over the authors, with time-ordered ids like {@code IdGenerator}'s (milliseconds in the
 * high bits). Going through the inbox would take hours for a million posts; what is measured is
 * reading them back.
 */
public final class TimelineSeeder {
    static final int TOPICS = 10_000;
    private static final int BATCH = 5_000;
    private static final String AUTHORITY = "127.0.0.1:9";

    private TimelineSeeder() {
    }

    /** Seeds and returns how many statuses were written. */
    /** A word that 1 in {@value #TOPICS} seeded posts contain, for benchmark 5's queries. */
    public static String topic(int n) {
        return "topic" + (n % TOPICS);
    }

    public static long seed(DataSource dataSource, String reader, int authors, int followed, int statuses)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long readerId;
            try (var query = connection.prepareStatement("SELECT id FROM accounts WHERE username = ? AND authority = ''")) {
                query.setString(1, reader);
                try (var row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no local account " + reader);
                    }
                    readerId = row.getLong(1);
                }
            }
            Instant start = Instant.now().minusSeconds(statuses / 100 + 60);
            long baseMillis = start.toEpochMilli();
            long authorBase = (baseMillis - 10_000) << 16;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (id, username, authority, "
                    + "uri, uri_hash, display_name, inbox_uri, shared_inbox_uri, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int a = 0; a < authors; a++) {
                    String uri = "http://" + AUTHORITY + "/users/author" + a;
                    insert.setLong(1, authorBase + a);
                    insert.setString(2, "author" + a);
                    insert.setString(3, AUTHORITY);
                    insert.setString(4, uri);
                    insert.setString(5, Hashes.sha256Hex(uri));
                    insert.setString(6, "Author " + a);
                    insert.setString(7, uri + "/inbox");
                    insert.setString(8, "http://" + AUTHORITY + "/inbox");
                    insert.setTimestamp(9, Timestamp.from(start));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO follows (id, follower_id, "
                    + "target_id, activity_uri, state, created_at) VALUES (?,?,?,?,'accepted',?)")) {
                for (int f = 0; f < followed; f++) {
                    // Every (authors / followed)-th author, so followed posts are spread through time.
                    int author = f * (authors / followed);
                    insert.setLong(1, authorBase + authors + f);
                    insert.setLong(2, readerId);
                    insert.setLong(3, authorBase + author);
                    insert.setString(4, "http://127.0.0.1/follows/" + f);
                    insert.setTimestamp(5, Timestamp.from(start));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            int stride = Math.max(1, authors / followed);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statuses (id, uri, uri_hash, "
                    + "account_id, visibility, content_html, local, created_at) VALUES (?,?,?,?,'organization',?,FALSE,?)");
                    PreparedStatement feed = connection.prepareStatement(
                            "INSERT INTO home_feed (account_id, status_id) VALUES (?,?)")) {
                for (int s = 0; s < statuses; s++) {
                    int author = s % authors;
                    long millis = baseMillis + s / 100;
                    String uri = "http://" + AUTHORITY + "/users/author" + author + "/statuses/" + s;
                    long statusId = (millis << 16) + s % 100;
                    // What the node's fan-out on write would have stored for the reader's home feed.
                    if (author % stride == 0 && author / stride < followed) {
                        feed.setLong(1, readerId);
                        feed.setLong(2, statusId);
                        feed.addBatch();
                    }
                    insert.setLong(1, statusId);
                    insert.setString(2, uri);
                    insert.setString(3, Hashes.sha256Hex(uri));
                    insert.setLong(4, authorBase + author);
                    insert.setString(5, "<p>Seeded post number " + s + " by author " + author + " about " + topic(s)
                            + ".</p>");
                    insert.setTimestamp(6, new Timestamp(millis));
                    insert.addBatch();
                    if ((s + 1) % BATCH == 0) {
                        insert.executeBatch();
                        feed.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                feed.executeBatch();
                connection.commit();
            }
            return statuses;
        }
    }
}
