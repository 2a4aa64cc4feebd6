-- Fewer pages written per note (issue #22: a durable note append within 1.25x of a plaintext
-- insert). Before this version a note wrote about six B-tree pages to the WAL (three of them
-- index pages); from this version it writes about three. Nothing is weakened: the same records,
-- the same sealed audit pointers, the same checks.
--
-- 1. records_by_kind no longer carries `seq`. A session's summary is rewritten with every event;
--    with `seq` in the index its index entry moved on every note (one more page). The listing
--    order by seq is now a small sort per container. Writes of a newer version go through an
--    UPDATE that leaves kind and container alone, so the index is not touched at all.
DROP INDEX records_by_kind;
CREATE INDEX records_by_kind ON records (kind, container_id) WHERE kind <> 'event';

-- 2. The audit pointer of a record (which audit entry wrote its current version: the sealed
--    sequence number of migration 0005) moves into the record's own row, so writing an event and
--    its pointer touches one page, not one page in `records` and another in `audit_index`. The
--    sealed value and its associated data are unchanged ('hearth.audit-index.v1', vault, record
--    id), so rows move as they are. `audit_index` keeps the pointers of what is not a row of
--    `records` (key slots, the audit start statement).
ALTER TABLE records ADD COLUMN audit_chain_key_id TEXT;
ALTER TABLE records ADD COLUMN audit_nonce BLOB;
ALTER TABLE records ADD COLUMN audit_sealed_seq BLOB;
UPDATE records
   SET audit_chain_key_id = i.chain_key_id, audit_nonce = i.nonce, audit_sealed_seq = i.sealed_seq
  FROM audit_index AS i
 WHERE i.record_id = records.record_id;
DELETE FROM audit_index WHERE record_id IN (SELECT record_id FROM records);
