// Docker's stream multiplexing (moby `pkg/stdcopy`): without a TTY, a container's stdout and stderr
// travel over one connection (`docker attach`, `docker logs`, `docker exec`), so each chunk is
// framed with an 8-byte header saying which stream it belongs to and how long it is:
//
//   byte 0      stream: 0 stdin, 1 stdout, 2 stderr (3 is the "systemerr" stream)
//   bytes 1–3   0
//   bytes 4–7   payload length, uint32 big-endian
//   then the payload
//
// The content type says so: `application/vnd.docker.multiplexed-stream`. With a TTY there is only
// one stream (the pseudo-terminal) and the bytes go raw: `application/vnd.docker.raw-stream`.
import type { Bytes } from '../../bytes';

export type StdStream = 'stdin' | 'stdout' | 'stderr';

const STREAM_BYTE: Readonly<Record<StdStream, number>> = { stdin: 0, stdout: 1, stderr: 2 };
const BYTE_STREAM: readonly StdStream[] = ['stdin', 'stdout', 'stderr'];

export const MULTIPLEXED_STREAM = 'application/vnd.docker.multiplexed-stream';
export const RAW_STREAM = 'application/vnd.docker.raw-stream';

/** One frame: the 8-byte header, then `payload`. */
export function frame(stream: StdStream, payload: Bytes): Bytes {
  const out = new Uint8Array(8 + payload.length);
  out[0] = STREAM_BYTE[stream];
  new DataView(out.buffer).setUint32(4, payload.length, false);
  out.set(payload, 8);
  return out;
}

export interface Frame {
  stream: StdStream;
  payload: Bytes;
}

export class StdcopyError extends Error {
  override name = 'StdcopyError';
}

/** Split a multiplexed byte stream back into frames (what the docker CLI's StdCopy does). */
export function unframe(bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw new StdcopyError(`truncated frame header at byte ${at}`);
    const stream = BYTE_STREAM[bytes[at]!];
    if (stream === undefined) throw new StdcopyError(`Unrecognized input header: ${bytes[at]}`);
    const length = view.getUint32(at + 4, false);
    if (at + 8 + length > bytes.length) throw new StdcopyError(`truncated frame payload at byte ${at}`);
    frames.push({ stream, payload: bytes.slice(at + 8, at + 8 + length) as Bytes });
    at += 8 + length;
  }
  return frames;
}
