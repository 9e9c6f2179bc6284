// A Node module hook: resolve packages with the `@funws/source` condition, so
// `@funws/chat/server` means the library's TypeScript sources (no build step).
// Registered by the Astro integration for `npm run dev`.
const condition = '@funws/source';

export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions ?? [];
  if (conditions.includes(condition)) return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [condition, ...conditions] });
}
