import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, ConnectionClosedError } from '../../src/sqlite/driver/connection.ts';
import { openConnection } from '../../src/sqlite/driver/open-connection.ts';
import { testedDrivers } from './sqlite-drivers.ts';

// The one connection the stores see, whichever driver is underneath: the same
// rows, the same transactions, the same refusal once closed.

describe.each(testedDrivers)('a %s connection', (driver) => {
  let db: Connection;
  const open = () => {
    db = openConnection(driver, ':memory:');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    return db;
  };
  const texts = () =>
    db
      .prepare<[], { text: string }>('SELECT text FROM notes ORDER BY id')
      .all()
      .map((row) => row.text);

  afterEach(() => db.close());

  it('answers rows as objects keyed by column, and undefined for none', () => {
    open();
    const insert = db.prepare<[string]>('INSERT INTO notes (text) VALUES (?)');
    expect(Number(insert.run('first').changes)).toBe(1);
    const find = db.prepare<[string], { id: number; text: string }>(
      'SELECT id, text FROM notes WHERE text = ?',
    );
    expect({ ...find.get('first') }).toEqual({ id: 1, text: 'first' });
    expect(find.get('missing')).toBeUndefined();
    expect(db.value('PRAGMA user_version')).toBe(0);
  });

  it('commits a transaction that returns, and rolls back every write of one that throws', () => {
    open();
    const insert = db.prepare<[string]>('INSERT INTO notes (text) VALUES (?)');
    const addBoth = db.transaction((a: string, b: string) => {
      insert.run(a);
      if (b === '') throw new Error('no second note');
      insert.run(b);
      return 2;
    });
    expect(addBoth.immediate('one', 'two')).toBe(2);
    expect(() => addBoth('three', '')).toThrow('no second note');
    expect(texts()).toEqual(['one', 'two']);
  });

  it('runs a transaction started inside another as part of it', () => {
    open();
    const insert = db.prepare<[string]>('INSERT INTO notes (text) VALUES (?)');
    const inner = db.transaction((text: string) => insert.run(text));
    const outer = db.transaction(() => {
      inner('inner');
      throw new Error('outer fails');
    });
    expect(() => outer.immediate()).toThrow('outer fails');
    expect(texts()).toEqual([]);
  });

  it('refuses every statement once closed, and closing again is harmless', () => {
    open();
    const count = db.prepare('SELECT count(*) FROM notes');
    db.close();
    expect(db.open).toBe(false);
    expect(() => count.get()).toThrow(ConnectionClosedError);
    expect(() => db.exec('SELECT 1')).toThrow(ConnectionClosedError);
    db.close();
  });
});
