package org.tributary.node.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tributary.federation.audit.AuditDirection;
import org.tributary.federation.audit.AuditEntry;
import org.tributary.federation.audit.AuditFormatException;
import org.tributary.federation.audit.CompleteSubtree;
import org.tributary.federation.audit.TreeHash;
import org.tributary.node.store.Jdbc;
import org.tributary.node.store.Jdbc.RowMapper;

/**
 * SQL for {@code audit_entries}, {@code audit_subtrees} and {@code audit_leaf_blocks}, and the searches that read
 * {@code audit_entries} through {@code audit_entry_keys} ({@link AuditEntryKeys}). There is deliberately no
 * method that updates an entry's leaf fields: entries and subtrees are inserted once, and retention may only
 * null a raw body. The one row that changes is the last leaf block's, which grows as entries are appended,
 * and only from the length this writer left it at.
 */
public final class AuditLogStore {
    private final AuditEntryKeys keys = new AuditEntryKeys(); // SQL only: no state to share
    private static final String LEAF_COLUMNS = "seq, time_ms, direction, kind, peer, activity_id, activity_type, "
            + "actor, object, result, body_digest, header_digest, leaf_hash";

    /** A row visitor for streaming the whole log without holding it in memory. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(StoredAuditEntry entry) throws SQLException;

        /** A row whose stored fields no longer form an entry (an empty kind, a bad digest, ...). */
        default void malformed(long sequence, String problem) throws SQLException {
            throw new AuditFormatException("entry " + sequence + " is unreadable: " + problem);
        }
    }

    /**
     * Subtrees below this level are not stored: they are folded from at most 8 leaves when a proof needs
     * them. Stored, they were rows on the inbox's one writer thread (benchmark 1c).
     */
    static final int FIRST_STORED_LEVEL = 4;

    /**
     * The leaf hashes as appended are kept apart from the entries, {@value} to a row of
     * {@code audit_leaf_blocks}: a proof is still O(log n) reads, and {@code audit verify} still compares every
     * entry with the leaf recorded when it was appended, for one row per 16 entries instead of one per entry.
     */
    static final int LEAVES_PER_BLOCK = 1 << FIRST_STORED_LEVEL;

    static final String KINDS_KEYED = "SELECT DISTINCT kind FROM audit_entry_keys";
    static final String KINDS_NOT_KEYED = "SELECT DISTINCT kind FROM audit_entries WHERE seq >= ?";
    static final String PRUNE = "UPDATE audit_entries SET body = NULL, body_pruned_at = ? WHERE seq >= ? AND seq < ? "
            + "AND body IS NOT NULL AND time_ms < ? AND kind = ?";

    /** Whether subtrees of {@code level} have rows in {@code audit_subtrees}. */
    static boolean isStored(int level) {
        return level >= FIRST_STORED_LEVEL;
    }

    /**
     * A block of leaf hashes to write: a new row, or the longer contents of the open block's row.
     *
     * @param alreadyKept how many of the leaves its row holds already (0: there is no row yet)
     */
    public record LeafBlock(long index, List<TreeHash> leaves, int alreadyKept) {
        public LeafBlock {
            leaves = List.copyOf(leaves);
        }

        /** Whether the block's row exists and is extended rather than inserted. */
        boolean extend() {
            return alreadyKept > 0;
        }

        byte[] bytes() {
            byte[] bytes = new byte[leaves.size() * TreeHash.LENGTH];
            for (int i = 0; i < leaves.size(); i++) {
                System.arraycopy(leaves.get(i).bytes(), 0, bytes, i * TreeHash.LENGTH, TreeHash.LENGTH);
            }
            return bytes;
        }
    }

    /**
     * One new row: the entry, the raw body (maybe empty), the header lines, and the inbox key of an accepted
     * activity (null on other entries).
     */
    public record NewRow(AuditEntry entry, TreeHash leafHash, byte[] body, String headers, byte[] inboxKey) {
    }

    /** The number of entries, taken as one past the highest sequence number. */
    public long size(Connection connection) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT MAX(seq) FROM audit_entries", row -> {
            long max = row.getLong(1);
            return row.wasNull() ? 0L : max + 1;
        }).orElse(0L);
    }

    /**
     * Inserts a batch of entries, the subtrees they completed and the blocks of leaves they filled, in the
     * caller's transaction.
     */
    public void insert(Connection connection, List<NewRow> rows, List<CompleteSubtree> subtrees,
            List<LeafBlock> leafBlocks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entries (" + LEAF_COLUMNS
                + ", body, header_bytes, inbox_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (NewRow row : rows) {
                AuditEntry e = row.entry();
                insert.setLong(1, e.sequence());
                insert.setLong(2, e.time().toEpochMilli());
                insert.setString(3, e.direction().wireName());
                insert.setString(4, e.kind());
                insert.setString(5, e.peer());
                insert.setString(6, e.activityId());
                insert.setString(7, e.activityType());
                insert.setString(8, e.actor());
                insert.setString(9, e.object());
                insert.setString(10, e.result());
                insert.setString(11, e.bodyDigest().hex());
                insert.setString(12, e.headerDigest().hex());
                insert.setString(13, row.leafHash().hex());
                if (row.body().length == 0) {
                    insert.setNull(14, Types.BLOB);
                } else {
                    insert.setBytes(14, row.body());
                }
                // As UTF-8 bytes: Derby writes text into its log a character at a time, bytes as a block
                // (the header lines were the longest text of a row, on the log's one writer thread).
                insert.setBytes(15, row.headers().getBytes(StandardCharsets.UTF_8));
                if (row.inboxKey() == null) {
                    insert.setNull(16, Types.BINARY);
                } else {
                    insert.setBytes(16, row.inboxKey());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_subtrees (tree_level, idx, hash) VALUES (?,?,?)")) {
            for (CompleteSubtree subtree : subtrees) {
                if (!isStored(subtree.level())) {
                    continue;
                }
                insert.setInt(1, subtree.level());
                insert.setLong(2, subtree.index());
                insert.setString(3, subtree.hash().hex());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (LeafBlock block : leafBlocks) {
            if (block.extend()) {
                // Only the row as this writer left it is extended: a row that is missing or holds other leaves
                // (entries deleted since) fails the batch instead of being overwritten, which would erase
                // the evidence that audit verify reports.
                int extended = Jdbc.update(connection, "UPDATE audit_leaf_blocks SET hashes = ? WHERE block_idx = ? "
                        + "AND LENGTH(hashes) = ?", block.bytes(), block.index(), block.alreadyKept() * TreeHash.LENGTH);
                if (extended != 1) {
                    throw new AuditFormatException("the kept leaves of block " + block.index() + " are not as they "
                            + "were written: entries were removed or the block was changed; run audit verify");
                }
            } else {
                Jdbc.update(connection, "INSERT INTO audit_leaf_blocks (block_idx, hashes) VALUES (?, ?)",
                        block.index(), block.bytes());
            }
        }
    }

    /**
     * The leaf hashes {@code [from, from + count)} as appended, in order; fewer if some are missing. The range
     * must lie within one block of {@value #LEAVES_PER_BLOCK} (every range a proof folds does).
     */
    public List<TreeHash> leafHashes(Connection connection, long from, long count) throws SQLException {
        if (from % LEAVES_PER_BLOCK + count > LEAVES_PER_BLOCK) {
            throw new IllegalArgumentException("leaves " + from + " to " + (from + count) + " span two blocks");
        }
        TreeHash[] block = keptLeafBlock(connection, from / LEAVES_PER_BLOCK).leaves();
        List<TreeHash> leaves = new ArrayList<>((int) count);
        int offset = (int) (from % LEAVES_PER_BLOCK);
        for (int i = offset; i < offset + count && block[i] != null; i++) {
            leaves.add(block[i]);
        }
        return leaves;
    }

    /**
     * The leaves of block {@code index} as appended, by position in the block (null where none is kept), and
     * whether they come from its row of {@code audit_leaf_blocks}; for a block appended before those rows
     * existed (V102), they come from the level-0 rows of {@code audit_subtrees}.
     */
    public record KeptLeaves(TreeHash[] leaves, boolean inBlockRow) {
    }

    public KeptLeaves keptLeafBlock(Connection connection, long index) throws SQLException {
        TreeHash[] leaves = new TreeHash[LEAVES_PER_BLOCK];
        Optional<byte[]> row = Jdbc.queryOne(connection, "SELECT hashes FROM audit_leaf_blocks WHERE block_idx = ?",
                result -> result.getBytes(1), index);
        if (row.isPresent()) {
            byte[] hashes = row.get();
            for (int i = 0; i < LEAVES_PER_BLOCK && (i + 1) * TreeHash.LENGTH <= hashes.length; i++) {
                leaves[i] = TreeHash.of(Arrays.copyOfRange(hashes, i * TreeHash.LENGTH, (i + 1) * TreeHash.LENGTH));
            }
            return new KeptLeaves(leaves, true);
        }
        long first = index * LEAVES_PER_BLOCK;
        Jdbc.query(connection, "SELECT idx, hash FROM audit_subtrees WHERE tree_level = 0 AND idx >= ? AND idx < ?",
                result -> leaves[(int) (result.getLong(1) - first)] = TreeHash.fromHex(result.getString(2)), first,
                first + LEAVES_PER_BLOCK);
        return new KeptLeaves(leaves, false);
    }

    public Optional<TreeHash> subtreeHash(Connection connection, int level, long index) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT hash FROM audit_subtrees WHERE tree_level = ? AND idx = ?",
                row -> TreeHash.fromHex(row.getString(1)), level, index);
    }

    /** The entry with this sequence number, raw body included. */
    public Optional<StoredAuditEntry> find(Connection connection, long sequence) throws SQLException {
        return Jdbc.queryOne(connection, "SELECT " + LEAF_COLUMNS + ", body, headers, header_bytes, body_pruned_at "
                + "FROM audit_entries WHERE seq = ?", row -> map(row, true), sequence);
    }

    /**
     * A page of entries matching the filter, in sequence order, without raw bodies. A filter on time, peer or kind
     * finds the keyed entries through {@code audit_entry_keys} and reads the entries not keyed yet ({@link
     * AuditEntryKeys#keyedUpTo}) from the log itself; the two parts do not overlap, and the keyed part comes first
     * in sequence.
     */
    public List<StoredAuditEntry> list(Connection connection, AuditFilter filter) throws SQLException {
        if (filter.from().isEmpty() && filter.to().isEmpty() && filter.peer().isEmpty() && filter.kind().isEmpty()) {
            return listInOrder(connection, filter, filter.afterSequence(), filter.limit());
        }
        long keyed = keys.keyedUpTo(connection);
        StringBuilder sql = new StringBuilder("SELECT " + qualified(LEAF_COLUMNS, "e.")
                + ", e.headers, e.header_bytes, e.body_pruned_at FROM audit_entry_keys k "
                + "JOIN audit_entries e ON e.seq = k.seq WHERE k.seq > ? AND k.seq < ?");
        List<Object> params = new ArrayList<>(List.of(filter.afterSequence(), keyed));
        conditions(sql, params, filter, "k.", "e.");
        sql.append(" ORDER BY k.seq FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        List<StoredAuditEntry> page = new ArrayList<>(Jdbc.query(connection, sql.toString(), row -> map(row, false),
                params.toArray()));
        if (page.size() < filter.limit()) {
            page.addAll(listInOrder(connection, filter, Math.max(filter.afterSequence(), keyed - 1),
                    filter.limit() - page.size()));
        }
        return page;
    }

    /** Entries after {@code afterSequence} matching the filter, read from the log in sequence order. */
    private List<StoredAuditEntry> listInOrder(Connection connection, AuditFilter filter, long afterSequence,
            int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + LEAF_COLUMNS + ", headers, header_bytes, body_pruned_at "
                + "FROM audit_entries WHERE seq > ?");
        List<Object> params = new ArrayList<>(List.of(afterSequence));
        conditions(sql, params, filter, "", "");
        sql.append(" ORDER BY seq FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return Jdbc.query(connection, sql.toString(), row -> map(row, false), params.toArray());
    }

    /**
     * The filter's conditions, on the columns of {@code audit_entry_keys} ({@code keys}) for time, peer and kind, and
     * on those of {@code audit_entries} ({@code entries}) for the rest; each is a table alias with its dot, or empty.
     */
    private static void conditions(StringBuilder sql, List<Object> params, AuditFilter filter, String keys,
            String entries) {
        filter.from().ifPresent(from -> condition(sql, params, keys + "time_ms >= ?", from.toEpochMilli()));
        filter.to().ifPresent(to -> condition(sql, params, keys + "time_ms < ?", to.toEpochMilli()));
        filter.peer().ifPresent(peer -> condition(sql, params, keys + "peer = ?", peer));
        filter.kind().ifPresent(kind -> condition(sql, params, keys + "kind = ?", kind));
        filter.actor().ifPresent(actor -> condition(sql, params, entries + "actor = ?", actor));
        filter.activityType().ifPresent(type -> condition(sql, params, entries + "activity_type = ?", type));
        filter.direction().ifPresent(direction -> condition(sql, params, entries + "direction = ?",
                direction.wireName()));
        filter.result().ifPresent(result -> condition(sql, params, entries + "result = ?", result));
    }

    private static String qualified(String columns, String alias) {
        return alias + columns.replace(", ", ", " + alias);
    }

    /** Streams entries {@code [from, to)} in the order of their sequence numbers, without raw bodies. */
    public void forEach(Connection connection, long from, long to, EntryVisitor visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + LEAF_COLUMNS + ", headers, "
                + "header_bytes, body_pruned_at FROM audit_entries WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            select.setFetchSize(500);
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredAuditEntry entry;
                    try {
                        entry = map(rows, false);
                    } catch (AuditFormatException | NullPointerException e) {
                        visitor.malformed(rows.getLong("seq"), String.valueOf(e.getMessage()));
                        continue;
                    }
                    visitor.visit(entry);
                }
            }
        }
    }

    /**
     * Retention: removes the raw bodies of the entries {@code [from, to)} of {@code kind} older than
     * {@code before}, read in sequence order. Leaf fields, digests and hashes stay, so every proof still verifies.
     */
    public int pruneBodies(Connection connection, String kind, Instant before, Instant now, long from, long to)
            throws SQLException {
        return Jdbc.update(connection, PRUNE, now, from, to, before.toEpochMilli(), kind);
    }

    /** The kinds present in the log, for per-kind retention. */
    public List<String> kinds(Connection connection) throws SQLException {
        long keyed = keys.keyedUpTo(connection);
        Set<String> kinds = new TreeSet<>(Jdbc.query(connection, KINDS_KEYED, row -> row.getString(1)));
        kinds.addAll(Jdbc.query(connection, KINDS_NOT_KEYED, row -> row.getString(1), keyed));
        return List.copyOf(kinds);
    }

    /**
     * The time of the earliest entry with {@code peer}, one of {@code kinds} and a time after {@code after}, whose
     * activity id is not like {@code activityIdNotLike} (a SQL {@code LIKE} pattern); empty when there is none.
     */
    public Optional<Instant> earliestAfter(Connection connection, String peer, Instant after, List<String> kinds,
            String activityIdNotLike) throws SQLException {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        long keyed = keys.keyedUpTo(connection);
        List<Object> params = new ArrayList<>(List.of(keyed, peer, after.toEpochMilli()));
        params.addAll(kinds);
        params.add(activityIdNotLike);
        RowMapper<Optional<Long>> earliest = row -> {
            long millis = row.getLong(1);
            return row.wasNull() ? Optional.empty() : Optional.of(millis);
        };
        Optional<Long> keyedEarliest = Jdbc.queryOne(connection, earliestKeyed(kinds.size()), earliest,
                params.toArray()).flatMap(found -> found);
        Optional<Long> tailEarliest = Jdbc.queryOne(connection, earliestNotKeyed(kinds.size()), earliest,
                params.toArray()).flatMap(found -> found);
        return Stream.of(keyedEarliest, tailEarliest).flatMap(Optional::stream).min(Long::compare)
                .map(Instant::ofEpochMilli);
    }

    /** {@link #earliestAfter}'s question of the keyed entries; parameters: keyed up to, peer, after, kinds, pattern. */
    static String earliestKeyed(int kinds) {
        return "SELECT MIN(k.time_ms) FROM audit_entry_keys k JOIN audit_entries e ON e.seq = k.seq WHERE k.seq < ? "
                + "AND k.peer = ? AND k.time_ms > ? AND k.kind IN (" + placeholders(kinds) + ") "
                + "AND e.activity_id NOT LIKE ?";
    }

    /** {@link #earliestAfter}'s question of the entries not keyed yet, with the same parameters. */
    static String earliestNotKeyed(int kinds) {
        return "SELECT MIN(time_ms) FROM audit_entries WHERE seq >= ? AND peer = ? AND time_ms > ? AND kind IN ("
                + placeholders(kinds) + ") AND activity_id NOT LIKE ?";
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        sql.append(" AND ").append(clause);
        params.add(value);
    }

    private static StoredAuditEntry map(ResultSet row, boolean withBody) throws SQLException {
        AuditEntry entry = new AuditEntry(row.getLong("seq"), Instant.ofEpochMilli(row.getLong("time_ms")),
                AuditDirection.fromWireName(row.getString("direction")), row.getString("kind"), row.getString("peer"),
                row.getString("activity_id"), row.getString("activity_type"), row.getString("actor"),
                row.getString("object"), row.getString("result"), TreeHash.fromHex(row.getString("body_digest")),
                TreeHash.fromHex(row.getString("header_digest")));
        Optional<byte[]> body = withBody ? Optional.ofNullable(row.getBytes("body")) : Optional.empty();
        byte[] headerBytes = row.getBytes("header_bytes");
        // Entries written before V103 keep their header lines as text.
        String headers = headerBytes != null ? new String(headerBytes, StandardCharsets.UTF_8)
                : row.getString("headers");
        Timestamp pruned = row.getTimestamp("body_pruned_at");
        return new StoredAuditEntry(entry, TreeHash.fromHex(row.getString("leaf_hash")), body,
                headers == null ? "" : headers, Optional.ofNullable(pruned).map(Timestamp::toInstant));
    }
}
