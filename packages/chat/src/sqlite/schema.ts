import type { Connection } from './driver/connection.ts';
import { SqliteStoreError } from './sqlite-store-error.ts';

// `PRAGMA application_id` marks the file as ours ('fwsc', Fun With Sockets
// Chat), so that a SQLite file of another program is refused instead of having
// tables added to it; `PRAGMA user_version` numbers the schema, so that a newer
// schema is refused instead of misread. Both live in the file's header.

const applicationId = 0x66_77_73_63;
/** The schema this version of the library writes; raise it with a migration. */
export const schemaVersion = 1;

// Messages, polls and strokes keep their JSON as written; the columns beside it
// are what queries look things up by. `seq` orders each room's rows (oldest
// first) and bounds them. Rooms are listed in rowid order: a new row gets a
// rowid above every existing one, so that is the order they were created in.
const schema = `
  CREATE TABLE IF NOT EXISTS rooms (
    name TEXT PRIMARY KEY
  );
  CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY,
    room TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS messages_by_room ON messages (room, seq);
  CREATE INDEX IF NOT EXISTS messages_by_id ON messages (room, id);
  CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    nickname TEXT NOT NULL,
    used INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_by_use ON sessions (used);
  CREATE TABLE IF NOT EXISTS polls (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    room TEXT NOT NULL,
    closed INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS polls_by_room ON polls (room, seq);
  CREATE TABLE IF NOT EXISTS poll_votes (
    poll_id TEXT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    option_id TEXT NOT NULL,
    PRIMARY KEY (poll_id, user_id)
  );
  CREATE TABLE IF NOT EXISTS strokes (
    seq INTEGER PRIMARY KEY,
    room TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS strokes_by_room ON strokes (room, seq);
`;

/**
 * Creates the tables in a new database, or checks that an existing one is a
 * chat database this version can read. Throws `incompatible` otherwise.
 */
export function prepareSchema(db: Connection, file: string): void {
  if (isCurrent(db, file)) return;
  // IMMEDIATE takes the write lock before looking again: two servers creating
  // the same new file at once cannot both write the schema.
  db.transaction(() => {
    if (isCurrent(db, file)) return;
    db.exec(schema);
    db.exec(`PRAGMA application_id = ${applicationId}`);
    db.exec(`PRAGMA user_version = ${schemaVersion}`);
  }).immediate();
}

/** True when the schema is there; false when the file is new; throws when it is someone else's. */
function isCurrent(db: Connection, file: string): boolean {
  const application = Number(db.value('PRAGMA application_id'));
  const version = Number(db.value('PRAGMA user_version'));
  if (application === applicationId) {
    if (version === schemaVersion) return true;
    if (version > schemaVersion) {
      throw new SqliteStoreError(
        'incompatible',
        file,
        `The chat database ${file} has schema version ${version}, written by a newer @funws/chat; ` +
          `this one reads version ${schemaVersion}. Update @funws/chat, or use another file.`,
      );
    }
    return false;
  }
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
  if (application === 0 && tables.length === 0) return false;
  const what = tables.length > 0 ? `its tables are ${tables.join(', ')}` : 'it has no tables';
  throw new SqliteStoreError(
    'incompatible',
    file,
    `${file} is a SQLite database of another program (application id ${application}; ${what}), ` +
      'not a chat database. Give createSqliteStores a file of its own: a new path is created.',
  );
}
