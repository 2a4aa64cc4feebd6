// Planting rows Hearth's guard triggers refuse (migrations 0011, 0012: key_wraps versions must be
// whole numbers in range), as whoever holds the file can: the triggers are dropped, the rows
// put in, and the triggers made again with their exact SQL, so the schema is Hearth's own again
// and only the rows differ. (Leaving the triggers dropped is a different finding since sec51,
// R23-5: SCHEMA_MISSING.)
import type { Database } from 'better-sqlite3';

/** Runs `plant` with key_wraps' guard triggers lifted, then puts them back as they were. */
export function withGuardsLifted(db: Database, plant: () => void): void {
  const guards = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'key_wraps'")
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of guards) db.exec(`DROP TRIGGER "${name}"`);
  try {
    plant();
  } finally {
    for (const { sql } of guards) db.exec(sql);
  }
}
