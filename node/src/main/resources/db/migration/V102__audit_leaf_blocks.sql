-- The leaf hashes as appended, kept apart from the entries 16 to a row (32 bytes each, in order), instead
-- of one level-0 row of audit_subtrees per entry: the log's writer inserted one row per entry fewer. The
-- last block's row grows as entries are appended. Level-0 rows written before this version stay where they
-- are and are read where a block has no row.
CREATE TABLE audit_leaf_blocks (
    block_idx       BIGINT NOT NULL PRIMARY KEY,
    hashes          VARCHAR(512) FOR BIT DATA NOT NULL
);
