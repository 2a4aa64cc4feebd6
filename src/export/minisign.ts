// The minisign formats live in src/crypto (the vault signs with them too); re-exported here for
// the export module's own imports.
export * from '../crypto/minisign';
