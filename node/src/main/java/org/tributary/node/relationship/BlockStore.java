package org.tributary.node.relationship;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.post.Page;
import org.tributary.node.store.Hashes;
import org.tributary.node.store.Jdbc;

/** Blocks in the {@code blocks} table. */
public final class BlockStore {
    private static final String COLUMNS = "id, account_id, target_id, activity_uri, created_at";

    /** Inserts unless the pair exists; returns whether a row was added. */
    public boolean insertIfAbsent(Connection connection, Block block) throws SQLException {
        if (find(connection, block.accountId(), block.targetId()).isPresent()) {
            return false;
        }
        Jdbc.update(connection, "INSERT INTO blocks (" + COLUMNS + ", activity_uri_hash) VALUES (?,?,?,?,?,?)",
                block.id(), block.accountId(), block.targetId(), block.activityUri(), block.createdAt(),
                Hashes.sha256Hex(block.activityUri().toString()));
        return true;
    }

    public Optional<Block> find(Connection connection, long accountId, long targetId) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM blocks WHERE account_id = ? AND target_id = ?",
                BlockStore::map, accountId, targetId);
    }

    public Optional<Block> findByActivity(Connection connection, URI activityUri) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + COLUMNS + " FROM blocks WHERE activity_uri_hash = ?",
                BlockStore::map, Hashes.sha256Hex(activityUri.toString()));
    }

    /** Whether {@code accountId} blocks {@code targetId}. */
    public boolean blocks(Connection connection, long accountId, long targetId) throws SQLException {
        return Jdbc.count(connection, "SELECT COUNT(*) FROM blocks WHERE account_id = ? AND target_id = ?",
                accountId, targetId) > 0;
    }

    /** Whether either account blocks the other. */
    public boolean eitherBlocks(Connection connection, long one, long other) throws SQLException {
        return blocks(connection, one, other) || blocks(connection, other, one);
    }

    /** The accounts {@code accountId} blocks and those that block it, in one query. */
    public Set<Long> eitherWay(Connection connection, long accountId) throws SQLException {
        // UNION ALL: a plain UNION makes Derby sort to drop duplicates, which the set drops anyway.
        return new HashSet<>(Jdbc.query(connection, "SELECT target_id FROM blocks WHERE account_id = ? "
                + "UNION ALL SELECT account_id FROM blocks WHERE target_id = ?", row -> row.getLong(1), accountId,
                accountId));
    }

    public boolean delete(Connection connection, long id) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM blocks WHERE id = ?", id) > 0;
    }

    /** One page of the accounts {@code accountId} blocks, newest block first. */
    public List<Block> byAccount(Connection connection, long accountId, Page page) throws SQLException {
        return page.run(connection, new StringBuilder("SELECT " + COLUMNS + " FROM blocks WHERE account_id = ?"),
                new ArrayList<>(List.of(accountId)), BlockStore::map);
    }

    private static Block map(ResultSet row) throws SQLException {
        return new Block(row.getLong("id"), row.getLong("account_id"), row.getLong("target_id"),
                Jdbc.uri(row, "activity_uri"), Jdbc.instant(row, "created_at"));
    }
}
