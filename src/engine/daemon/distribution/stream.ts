// Turning a pull's or push's events into the HTTP answer dockerd gives (moby image_routes.go):
// the answer is `200` with `Content-Type: application/json` and one JSON message per line — but
// only once the operation has written its first line. A failure before that is an ordinary API
// error (`404 {"message":"pull access denied for …"}`, printed by the CLI as `Error response from
// daemon: …`); a failure after it becomes the stream's last line, `{"errorDetail":…,"error":…}`.
import { utf8, type Bytes } from '../../bytes';
import type { WireResponse } from '../../wire/message';
import type { DaemonError } from '../api/errors';
import { encodeMessage, errorMessage, type JsonMessage } from './json-message';

export interface StreamOptions<E> {
  render: (event: E) => JsonMessage[];
  /** The API error for a failure (its status matters only before the first line). */
  failure: (err: unknown) => DaemonError;
  /** Called once the operation has finished without error. */
  onSuccess?: () => void;
}

/**
 * Run `events` up to its first event, then answer: throws the API error when it fails before,
 * else returns a streaming `200` that carries the rest (and a failure as the last line).
 */
export async function streamResponse<E>(
  events: AsyncGenerator<E, unknown>,
  options: StreamOptions<E>,
): Promise<WireResponse> {
  let first: IteratorResult<E, unknown>;
  try {
    first = await events.next();
  } catch (err) {
    throw options.failure(err);
  }
  const headers = { 'Content-Type': 'application/json' };
  if (first.done) {
    options.onSuccess?.();
    return { status: 200, headers, body: utf8('') };
  }
  const head = first.value;
  async function* body(): AsyncGenerator<Bytes> {
    try {
      for (const message of options.render(head)) yield encodeMessage(message);
      for (;;) {
        const next = await events.next();
        if (next.done) break;
        for (const message of options.render(next.value)) yield encodeMessage(message);
      }
      options.onSuccess?.();
    } catch (err) {
      yield encodeMessage(errorMessage(options.failure(err).message));
    } finally {
      await events.return(undefined);
    }
  }
  return { status: 200, headers, body: body() };
}
