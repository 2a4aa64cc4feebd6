-- Whole-number key versions (red team 15, R15-5; src/vault/check-key-rows.ts). `key_wraps.version`
-- had CHECK (version >= 1), which a REAL 1.5 passes (the table is not STRICT), and one such row
-- made every sign-in fail. A CHECK cannot be added to an existing SQLite table without copying
-- it, so these triggers refuse a version that is not an integer on insert and update. The key
-- store ignores such rows anyway and `vault check` names them (KEY_ROW_MALFORMED): whoever holds
-- the file can drop a trigger, so this guards against mistakes, not attackers. Existing rows are
-- left for the check to name.
CREATE TRIGGER key_wraps_version_integer_insert BEFORE INSERT ON key_wraps
WHEN typeof(NEW.version) != 'integer'
BEGIN
  SELECT RAISE(ABORT, 'key_wraps.version must be a whole number');
END;

CREATE TRIGGER key_wraps_version_integer_update BEFORE UPDATE OF version ON key_wraps
WHEN typeof(NEW.version) != 'integer'
BEGIN
  SELECT RAISE(ABORT, 'key_wraps.version must be a whole number');
END;
