import type * as z from 'zod/mini';
import { ChatError } from './chat-error.ts';
import { readableIssues } from './issue-messages.ts';

/**
 * Parses `input` with `schema`, or throws a `ChatError('invalid_payload')`
 * whose message names each field that is wrong and what was expected, e.g.
 * `text: the text is empty; room: expected string, received number`.
 *
 * @example
 * const { room } = parsePayload(clientPayloadSchemas['room:join'], input, 'room:join');
 */
export function parsePayload<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  event: string,
): z.output<S> {
  const result = schema.safeParse(input, readableIssues);
  if (result.success) return result.data;
  const details = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
  throw new ChatError('invalid_payload', `Invalid payload for '${event}': ${details}`);
}
