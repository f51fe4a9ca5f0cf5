// Streams that carry a container's stdio over HTTP (moby `httputils.HijackConnection` and the
// attach/exec routers). The client asks to hijack the connection with `Connection: Upgrade` and
// `Upgrade: tcp`; the daemon answers `101 UPGRADED` and from then on the connection is a raw byte
// pipe both ways — the container's output down, its stdin up. Without a TTY the output is
// multiplexed into stdcopy frames (`application/vnd.docker.multiplexed-stream`); with one it is the
// terminal's bytes as they are (`application/vnd.docker.raw-stream`). A client that does not ask to
// upgrade gets `200 OK`, labelled raw-stream whatever the framing, as dockerd does.
import type { Bytes } from '../../bytes';
import { getHeader, type WireRequest, type WireResponse } from '../../wire/message';
import { Channel } from '../containers/channel';
import type { LogStream } from '../containers/log-buffer';
import { MULTIPLEXED_STREAM, RAW_STREAM, frame } from '../containers/stdcopy';
import type { OutputListener } from '../containers/stdio';

/** Did the client ask for `Upgrade: tcp`? */
export function wantsUpgrade(req: WireRequest): boolean {
  return getHeader(req, 'Upgrade') !== undefined;
}

/** The answer that hijacks the connection: 101 with the stream's content type, or 200 raw-stream. */
export function hijackedResponse(req: WireRequest, body: AsyncIterable<Bytes>, multiplexed: boolean): WireResponse {
  if (wantsUpgrade(req)) {
    return {
      status: 101,
      headers: { 'Content-Type': multiplexed ? MULTIPLEXED_STREAM : RAW_STREAM, Connection: 'Upgrade', Upgrade: 'tcp' },
      body,
    };
  }
  return { status: 200, headers: { 'Content-Type': RAW_STREAM }, body };
}

/** An output listener writing into `channel`: stdcopy frames without a TTY, raw bytes with one. */
export function streamInto(channel: Channel<Bytes>, tty: boolean): OutputListener {
  return {
    data: (stream: LogStream, bytes: Bytes) => channel.push(tty ? bytes : frame(stream, bytes)),
    end: () => channel.end(),
  };
}

/** Ctrl-P Ctrl-Q: Docker's default detach keys. */
const DETACH = [0x10, 0x11];

/**
 * Copy the client's stdin into `write` until it ends (then `onEnd`), or — with a TTY — until the
 * detach keys arrive (then `onDetach`, and nothing after them is copied).
 */
export async function pumpStdin(
  input: AsyncIterable<Bytes> | undefined,
  write: (data: Bytes) => void,
  options: { tty: boolean; onEnd(): void; onDetach(): void },
): Promise<void> {
  if (input === undefined) return options.onEnd();
  let afterCtrlP = false;
  for await (const chunk of input) {
    if (options.tty) {
      for (let i = 0; i < chunk.length; i++) {
        if (afterCtrlP && chunk[i] === DETACH[1]) {
          // Everything before the Ctrl-P goes in; the keys themselves and what follows do not.
          if (i > 1) write(chunk.slice(0, i - 1) as Bytes);
          return options.onDetach();
        }
        afterCtrlP = chunk[i] === DETACH[0];
      }
    }
    write(chunk);
  }
  options.onEnd();
}
