package org.tributary.node.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.store.Jdbc;

/**
 * Index hits loaded back from the store, many per query: the index only proposes ids, and what a search
 * shows is always what the store holds now (a post deleted since it was indexed is simply not found).
 */
final class SearchHits {

    /** The live posts among {@code ids} (at most {@link InList#MAX}), in the order of {@code ids}. */
    List<Status> statuses(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of(ids);
        Map<Long, Status> found = new HashMap<>();
        for (Status status : Jdbc.query(connection, "SELECT " + StatusStore.COLUMNS + " FROM statuses WHERE id IN "
                + in.placeholders() + " AND deleted_at IS NULL", StatusStore::map, in.params())) {
            found.put(status.id(), status);
        }
        return ids.stream().distinct().filter(found::containsKey).map(found::get).toList();
    }

    /** The suspended accounts among {@code ids} (at most {@link InList#MAX}). */
    Set<Long> suspended(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        InList in = InList.of(ids);
        return new HashSet<>(Jdbc.query(connection, "SELECT id FROM accounts WHERE suspended = TRUE AND id IN "
                + in.placeholders(), row -> row.getLong(1), in.params()));
    }
}
