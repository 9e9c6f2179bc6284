// Helpers for the client's lists. Every list in the state has a cap, so a chat
// left open for a week holds as much as one open for a minute; each helper
// returns a new array and leaves the old one untouched (the state is immutable).

/** `list` with `item` appended, keeping only the newest `max` items. */
export function appendBounded<T>(list: readonly T[], item: T, max: number): readonly T[] {
  const next = [...list, item];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** The newest `max` items of `list` (the same array when it already fits). */
export function keepNewest<T>(list: readonly T[], max: number): readonly T[] {
  return list.length > max ? list.slice(list.length - max) : list;
}

/**
 * `list` with the item of the same `id` replaced by `item`, or `item` appended
 * (within `max`) when there is none.
 */
export function upsertById<T extends { id: string }>(
  list: readonly T[],
  item: T,
  max: number,
): readonly T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index === -1) return appendBounded(list, item, max);
  return list.with(index, item);
}

/** True when `list` already has an item with this `id`. */
export function hasId(list: readonly { id: string }[], id: string): boolean {
  return list.some((item) => item.id === id);
}
