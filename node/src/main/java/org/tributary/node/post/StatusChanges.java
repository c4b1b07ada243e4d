package org.tributary.node.post;

import java.sql.Connection;

/**
 * Told, inside the transaction, that a post was stored or edited ({@code changed}) or deleted
 * ({@code removed}); derived views (the search index) act once that transaction has committed.
 */
public interface StatusChanges {

    void changed(Connection connection, long statusId);

    void removed(Connection connection, long statusId);

    static StatusChanges ignoring() {
        return new StatusChanges() {
            @Override
            public void changed(Connection connection, long statusId) {
            }

            @Override
            public void removed(Connection connection, long statusId) {
            }
        };
    }
}
