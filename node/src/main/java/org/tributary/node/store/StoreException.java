package org.tributary.node.store;

import java.sql.SQLException;

/** A storage failure the caller cannot repair; the transaction it happened in was rolled back. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure is a unique-key violation (SQLState 23505). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }
}
