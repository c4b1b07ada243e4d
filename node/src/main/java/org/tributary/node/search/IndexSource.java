package org.tributary.node.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.account.Profile;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.store.Jdbc;

/**
 * What the index is made of, read from the store a batch at a time, each batch in one transaction:
 * posts (content warning, text without markup, hashtags) and people (handle, name, profile, note).
 * Deleted posts, suspended people and the instance actor have no document.
 */
final class IndexSource {
    /** A post as the index keeps it. */
    record PostText(long id, String text, List<String> tags) {
    }

    /** A person as the index keeps them. */
    record PersonText(long id, String text) {
    }

    /** A batch of queued changes as the store has it now: documents, and the ids that should have none. */
    record Loaded(List<PostText> posts, List<Long> goneStatuses, List<PersonText> people, List<Long> goneAccounts) {
    }

    /** One page of posts in id order; {@code lastId} is where the next page starts (after it). */
    record Page(List<PostText> posts, long lastId) {
        boolean isEmpty() {
            return posts.isEmpty();
        }
    }

    private record Row(long id, String spoilerText, String contentHtml) {
    }

    private final AccountStore accounts;
    private final ProfileStore profiles;

    IndexSource(AccountStore accounts, ProfileStore profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    /** The current state of the given posts and people (at most {@link InList#MAX} posts). */
    Loaded load(Connection connection, List<Long> statusIds, List<Long> accountIds) throws SQLException {
        List<PostText> posts = new ArrayList<>();
        List<Long> goneStatuses = new ArrayList<>();
        if (!statusIds.isEmpty()) {
            InList in = InList.of(statusIds);
            List<Row> rows = Jdbc.query(connection, "SELECT id, spoiler_text, content_html FROM statuses WHERE id IN "
                    + in.placeholders() + " AND deleted_at IS NULL", IndexSource::row, in.params());
            Map<Long, List<String>> tags = group(Jdbc.query(connection, "SELECT status_id, name FROM status_tags "
                    + "WHERE status_id IN " + in.placeholders(), IndexSource::tag, in.params()));
            Set<Long> found = new HashSet<>();
            for (Row row : rows) {
                found.add(row.id());
                posts.add(text(row, tags.getOrDefault(row.id(), List.of())));
            }
            statusIds.stream().distinct().filter(id -> !found.contains(id)).forEach(goneStatuses::add);
        }
        List<PersonText> people = new ArrayList<>();
        List<Long> goneAccounts = new ArrayList<>();
        for (long id : accountIds) {
            Optional<PersonText> person = person(connection, accounts.findById(connection, id));
            person.ifPresentOrElse(people::add, () -> goneAccounts.add(id));
        }
        return new Loaded(posts, goneStatuses, people, goneAccounts);
    }

    /** Live posts with an id above {@code afterId}, in id order, at most {@code max}. */
    Page postsAfter(Connection connection, long afterId, int max) throws SQLException {
        List<Row> rows = Jdbc.query(connection, "SELECT id, spoiler_text, content_html FROM statuses WHERE id > ? "
                + "AND deleted_at IS NULL ORDER BY id FETCH FIRST " + max + " ROWS ONLY", IndexSource::row, afterId);
        if (rows.isEmpty()) {
            return new Page(List.of(), afterId);
        }
        long first = rows.get(0).id();
        long last = rows.get(rows.size() - 1).id();
        // The page is a range of ids, so its tags are one range scan of the (status_id, name) key.
        Map<Long, List<String>> tags = group(Jdbc.query(connection, "SELECT status_id, name FROM status_tags "
                + "WHERE status_id BETWEEN ? AND ?", IndexSource::tag, first, last));
        List<PostText> posts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            posts.add(text(row, tags.getOrDefault(row.id(), List.of())));
        }
        return new Page(posts, last);
    }

    /** Live posts edited at or after {@code since}, in id order. */
    List<Long> editedSince(Connection connection, Instant since) throws SQLException {
        return Jdbc.query(connection, "SELECT id FROM statuses WHERE edited_at >= ? AND deleted_at IS NULL ORDER BY id",
                row -> row.getLong(1), since);
    }

    /** People with an id above {@code afterId}, in id order, at most {@code max}, each with its document (none when it has none). */
    List<Map.Entry<Long, Optional<PersonText>>> peopleAfter(Connection connection, long afterId, int max)
            throws SQLException {
        List<Account> page = accounts.list(connection, false, afterId, max);
        if (page.isEmpty()) {
            return List.of();
        }
        // The page is a range of ids, so its profiles are one range scan of the account_profiles key.
        Map<Long, Profile> profiles = new HashMap<>();
        for (Map.Entry<Long, Profile> profile : Jdbc.query(connection, "SELECT account_id, department, title, location "
                + "FROM account_profiles WHERE account_id BETWEEN ? AND ?", row -> Map.entry(row.getLong(1),
                        new Profile(row.getString(2), row.getString(3), row.getString(4), Optional.empty(),
                                Optional.empty())), page.get(0).id(), page.get(page.size() - 1).id())) {
            profiles.put(profile.getKey(), profile.getValue());
        }
        List<Map.Entry<Long, Optional<PersonText>>> people = new ArrayList<>(page.size());
        for (Account account : page) {
            people.add(Map.entry(account.id(), person(account, profiles.getOrDefault(account.id(), Profile.EMPTY))));
        }
        return people;
    }

    private Optional<PersonText> person(Connection connection, Optional<Account> found) throws SQLException {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return person(found.get(), profiles.find(connection, found.get().id()));
    }

    private static Optional<PersonText> person(Account account, Profile profile) {
        if (account.suspended() || account.isInstanceActor()) {
            return Optional.empty();
        }
        return Optional.of(new PersonText(account.id(), String.join(" ", account.username(), account.acct(),
                account.displayName(), profile.department(), profile.title(), profile.location(),
                Jsoup.parse(account.summary()).text())));
    }

    private static PostText text(Row row, List<String> tags) {
        String text = row.spoilerText() + " " + Jsoup.parseBodyFragment(row.contentHtml()).text() + " "
                + String.join(" ", tags);
        return new PostText(row.id(), text, tags);
    }

    private static Row row(java.sql.ResultSet row) throws SQLException {
        return new Row(row.getLong(1), row.getString(2), row.getString(3));
    }

    private static Map.Entry<Long, String> tag(java.sql.ResultSet row) throws SQLException {
        return Map.entry(row.getLong(1), row.getString(2));
    }

    /** Tags by post, each post's in name order. */
    private static Map<Long, List<String>> group(List<Map.Entry<Long, String>> tags) {
        Map<Long, List<String>> byPost = new HashMap<>();
        for (Map.Entry<Long, String> tag : tags) {
            byPost.computeIfAbsent(tag.getKey(), id -> new ArrayList<>()).add(tag.getValue());
        }
        byPost.values().forEach(Collections::sort);
        return byPost;
    }
}
