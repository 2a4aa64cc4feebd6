-- Key versions within what a key id can carry (red team 16, R16-3; src/vault/check-key-rows.ts).
-- 0011's triggers refuse a version that is not an integer, but an INTEGER above 2^53 - 1
-- (9007199254740991, JavaScript's Number.MAX_SAFE_INTEGER) passed them and the CHECK, was read
-- back as an inexact number, and its key id failed to parse at every sign-in. These triggers
-- refuse it on insert and update. As for 0011, whoever holds the file can drop them: the key
-- store ignores such rows (key-store.ts WELL_FORMED_VERSION) and `vault check` names them
-- (KEY_ROW_MALFORMED). Existing rows are left for the check to name.
CREATE TRIGGER key_wraps_version_bound_insert BEFORE INSERT ON key_wraps
WHEN NEW.version > 9007199254740991
BEGIN
  SELECT RAISE(ABORT, 'key_wraps.version must be at most 9007199254740991');
END;

CREATE TRIGGER key_wraps_version_bound_update BEFORE UPDATE OF version ON key_wraps
WHEN NEW.version > 9007199254740991
BEGIN
  SELECT RAISE(ABORT, 'key_wraps.version must be at most 9007199254740991');
END;
