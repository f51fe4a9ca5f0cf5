// Reading a container's multiplexed output (moby `pkg/stdcopy`): without a TTY, stdout and stderr
// share one connection, each chunk framed by 8 bytes — the stream (1 stdout, 2 stderr; 0 stdin
// goes with stdout; 3 is an error from the daemon), three zeros, and the length (big-endian).
// The CLI splits them back onto its own stdout and stderr.
import type { Bytes } from '../../bytes';
import { fromUtf8 } from '../../bytes';

export interface Sink {
  write(data: Bytes): void;
}

/** Copy the frames of `source` to `stdout` / `stderr`; rejects on a daemon error frame. */
export async function demultiplex(source: AsyncIterable<Bytes>, stdout: Sink, stderr: Sink): Promise<void> {
  let buffer = new Uint8Array(0);
  for await (const chunk of source) {
    const joined = new Uint8Array(buffer.length + chunk.length);
    joined.set(buffer);
    joined.set(chunk, buffer.length);
    buffer = joined;
    while (buffer.length >= 8) {
      const size = new DataView(buffer.buffer, buffer.byteOffset).getUint32(4, false);
      if (buffer.length < 8 + size) break;
      const kind = buffer[0]!;
      const payload = buffer.slice(8, 8 + size) as Bytes;
      buffer = buffer.slice(8 + size);
      if (kind === 0 || kind === 1) stdout.write(payload);
      else if (kind === 2) stderr.write(payload);
      else if (kind === 3) throw new Error(`error from daemon in stream: ${fromUtf8(payload)}`);
      else throw new Error(`Unrecognized input header: ${kind}`);
    }
  }
}
