// Records keyed by names that come over the wire (room names, poll ids) are
// made without a prototype: `constructor` is a valid room name, and on a plain
// object `rooms.constructor` would be a function instead of `undefined`.

/** A new prototype-less record holding `entries`. */
export function record<V>(entries: Readonly<Record<string, V>> = {}): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}

/** `source` with `key` set to `value`. */
export function withKey<V>(
  source: Readonly<Record<string, V>>,
  key: string,
  value: V,
): Record<string, V> {
  const next = record(source);
  next[key] = value;
  return next;
}

/** `source` without `key` (the same object when it had no such key). */
export function withoutKey<V>(
  source: Readonly<Record<string, V>>,
  key: string,
): Readonly<Record<string, V>> {
  if (!Object.hasOwn(source, key)) return source;
  const next = record(source);
  delete next[key];
  return next;
}
