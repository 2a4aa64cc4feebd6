-- Which sec28/sec29 allegation certificates an admin's sign-in has already examined (perf20).
-- bindLegacyAllegationCerts (src/vault/key-vouching.ts) binds the ones their case's creation
-- entry vouches for; the others (signed by someone else: R15-8, or junk put in the file) stayed
-- candidates, and every admin sign-in looked up each one's creation entry again (one signature
-- check per row, and a walk of the log for a case edited since). One row: a keyed BLAKE2b MAC,
-- under a key derived from the staff-administration key (admins only), of the set of rows left
-- unbound after the last examination (key id and clear signer of each). While the set is the
-- same the sign-in reads one row here and one summary row of key_certs; any change to the set
-- (a row added or its signer changed) makes the MAC differ and the rows are examined again. The
-- MAC shows nothing without the key; deleting the row only costs one examination.
CREATE TABLE legacy_certs_examined (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  mac BLOB NOT NULL CHECK (length(mac) = 32)
);
