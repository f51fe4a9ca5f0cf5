// Reading a body the way Go's io.Copy reads it: in pieces of at most 32 KiB, whether the body is
// one buffer or a stream of chunks arriving over a (simulated) link. The pieces drive the progress
// meter, so a slow link shows more `Downloading` steps than a fast one.
import type { Bytes } from '../../bytes';
import type { Body } from '../../wire/message';
import { isStream } from '../../wire/message';
import { READ_SIZE } from './progress-meter';

function* split(chunk: Bytes): Generator<Bytes> {
  for (let at = 0; at < chunk.length; at += READ_SIZE) yield chunk.subarray(at, at + READ_SIZE);
}

export async function* bodyPieces(body: Body | undefined): AsyncGenerator<Bytes> {
  if (body === undefined) return;
  if (!isStream(body)) {
    yield* split(body);
    return;
  }
  for await (const chunk of body) yield* split(chunk);
}
