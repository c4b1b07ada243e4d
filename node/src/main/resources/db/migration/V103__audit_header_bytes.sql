-- A log entry's header lines are stored as UTF-8 bytes: Derby writes text into its transaction log one
-- character at a time and bytes as a block, and the header lines were the longest text in a row, written on
-- the log's one writer thread. Entries written before this version keep theirs in `headers`.
ALTER TABLE audit_entries ADD COLUMN header_bytes BLOB;
