package org.tributary.node.hashtag;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.Visibility;
import org.tributary.node.store.Jdbc;

/**
 * Posts by hashtag, newest first. Ids are minted by each node when a post arrives, so they do not
 * order a conversation across nodes; the order is the author's {@code created_at} (the Note's
 * {@code published}), ties broken by the post's URI, which every node shares. Paging cursors are
 * post ids, as Mastodon clients send them, turned into that (time, URI) position.
 */
public final class TagTimelineStore {

    /** One page of posts matching the query that are organization- or department-visible. */
    public List<Status> read(Connection connection, TagQuery query, Page page) throws SQLException {
        return read(connection, query, List.of(Visibility.ORGANIZATION, Visibility.DEPARTMENT), page);
    }

    /** One page of posts matching the query with one of the given visibilities. */
    public List<Status> read(Connection connection, TagQuery query, List<Visibility> visibilities, Page page)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + StatusStore.COLUMNS + " FROM statuses WHERE deleted_at IS NULL"
                + " AND visibility IN (" + marks(visibilities.size()) + ")");
        List<Object> params = new ArrayList<>(visibilities);
        sql.append(" AND id IN (SELECT status_id FROM status_tags WHERE name IN (").append(marks(query.anyOf().size()))
                .append("))");
        params.addAll(query.anyOf());
        for (String name : query.all()) {
            sql.append(" AND id IN (SELECT status_id FROM status_tags WHERE name = ?)");
            params.add(name);
        }
        if (!query.none().isEmpty()) {
            sql.append(" AND id NOT IN (SELECT status_id FROM status_tags WHERE name IN (")
                    .append(marks(query.none().size())).append("))");
            params.addAll(query.none());
        }
        if (query.localOnly()) {
            sql.append(" AND local = TRUE");
        } else if (query.remoteOnly()) {
            sql.append(" AND local = FALSE");
        }
        boolean ascending = page.minId() != null && page.sinceId() == null;
        if (!bound(connection, sql, params, page.maxId(), "<") || !bound(connection, sql, params, page.sinceId(), ">")
                || (ascending && !bound(connection, sql, params, page.minId(), ">"))) {
            return List.of();
        }
        sql.append(ascending ? " ORDER BY created_at ASC, uri ASC" : " ORDER BY created_at DESC, uri DESC");
        sql.append(" FETCH FIRST ").append(page.limit()).append(" ROWS ONLY");
        List<Status> rows = new ArrayList<>(Jdbc.query(connection, sql.toString(), StatusStore::map,
                params.toArray()));
        if (ascending) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** Each organization-visible use of the tag since {@code from}: when, and by whom. */
    public List<TagUse> usesSince(Connection connection, String name, Instant from) throws SQLException {
        return Jdbc.query(connection, "SELECT s.created_at, s.account_id FROM statuses s JOIN status_tags t "
                + "ON t.status_id = s.id WHERE t.name = ? AND s.created_at >= ? AND s.deleted_at IS NULL "
                + "AND s.visibility = ?", row -> new TagUse(Jdbc.instant(row, "created_at"), row.getLong("account_id")),
                name, from, Visibility.ORGANIZATION);
    }

    /** One post using a tag. */
    public record TagUse(Instant at, long accountId) {
    }

    /** Appends "before/after the cursor post"; false when the cursor names no post here (an empty page). */
    private static boolean bound(Connection connection, StringBuilder sql, List<Object> params, Long cursorId,
            String direction) throws SQLException {
        if (cursorId == null) {
            return true;
        }
        Optional<Position> position = Jdbc.queryOne(connection, "SELECT created_at, uri FROM statuses WHERE id = ?",
                row -> new Position(Jdbc.instant(row, "created_at"), Jdbc.uri(row, "uri")), cursorId);
        if (position.isEmpty()) {
            return false;
        }
        sql.append(" AND (created_at ").append(direction).append(" ? OR (created_at = ? AND uri ").append(direction)
                .append(" ?))");
        params.add(position.get().createdAt());
        params.add(position.get().createdAt());
        params.add(position.get().uri().toString());
        return true;
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private record Position(Instant createdAt, URI uri) {
    }
}
