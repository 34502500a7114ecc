import type { z } from 'zod';
import { describeIssues } from './schemas.js';

/** An error with an HTTP status, turned into a JSON error by the app's error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The input parsed by a zod schema, or a 400 naming what is wrong. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, describeIssues(r.error, where));
  return r.data;
}
