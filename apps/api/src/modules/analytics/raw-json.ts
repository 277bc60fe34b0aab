/**
 * JSON text made by SQL (json_agg …::text), put into an answer as it is: a province's thousands of
 * points are never parsed into objects and serialised again. `T` is the shape the text holds.
 */
export class RawJson<T = unknown> {
  declare readonly shape?: T;

  constructor(readonly text: string) {}

  parse(): T {
    return JSON.parse(this.text) as T;
  }
}

/** An answer as JSON text: its top-level RawJson values spliced in verbatim, everything else serialised. */
export function answerText(answer: unknown): string {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return JSON.stringify(answer);
  const parts = Object.entries(answer as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${value instanceof RawJson ? value.text : JSON.stringify(value)}`);
  return `{${parts.join(',')}}`;
}
