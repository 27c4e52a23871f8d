import type { Context } from 'hono';
import type { z } from 'zod';
import { InvalidRequestError } from '@cc/shared/errors';

/**
 * Reads and validates a JSON body.
 * @throws InvalidRequestError for malformed JSON (with the parser's reason); ZodError for invalid fields.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    throw new InvalidRequestError(`Malformed JSON body: ${error instanceof Error ? error.message : 'cannot parse'}`);
  }
  return schema.parse(body);
}
