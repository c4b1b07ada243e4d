package org.tributary.node.post;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Posts across all authors, for the node-wide timelines: the organization's and the department's. */
public final class NodeTimelineStore {

    /** Every organization-visible post the node holds, written here or received from peers. */
    public List<Status> organization(Connection connection, Page page) throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + StatusStore.COLUMNS
                + " FROM statuses WHERE visibility = ?"), new ArrayList<>(List.of(Visibility.ORGANIZATION)),
                StatusStore::map);
    }

    /** Organization-visible posts received from peers only (Mastodon's {@code remote=true}). */
    public List<Status> remoteOrganization(Connection connection, Page page) throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + StatusStore.COLUMNS
                + " FROM statuses WHERE visibility = ? AND local = FALSE"),
                new ArrayList<>(List.of(Visibility.ORGANIZATION)), StatusStore::map);
    }

    /** What this node's own employees wrote for the organization or the department. */
    public List<Status> department(Connection connection, Page page) throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + StatusStore.COLUMNS
                + " FROM statuses WHERE local = TRUE AND visibility IN (?, ?)"),
                new ArrayList<>(List.of(Visibility.ORGANIZATION, Visibility.DEPARTMENT)), StatusStore::map);
    }
}
