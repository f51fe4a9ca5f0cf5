// What a classic build sends back while it runs: one JSON message per line, each ended by `\r\n`
// (moby `streamformatter`), written as the build goes —
//
//   {"stream":"Step 1/3 : FROM alpine"}        the builder's own lines (each write is one message;
//   {"stream":"\n"}                            `Step …` and its newline are two writes)
//   {"stream":"\u001b[91mwarning\n\u001b[0m"}  a step's stderr, wrapped in red as the StderrFormatter does
//   {"status":"Pulling from library/alpine","id":"latest"}   a base image being pulled
//   {"aux":{"ID":"sha256:…"}}                  a stage's image (API ≥ 1.30)
//   {"errorDetail":{"code":3,"message":"…"},"error":"…"}    the failure that ended the build
//
// With `q=1` everything is held back (the route's notVerboseBuffer): a build that succeeds sends
// only `{"stream":"sha256:…\n"}`; one that fails sends what was held back, then the error. Like
// moby's postBuild, an error before anything was sent is not a stream at all but an HTTP error
// (`400 {"message":"dockerfile parse error on line 2: …"}`): `refused` carries it.
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { Channel } from '../containers/channel';
import { streamText } from '../api/responses';
import { encodeMessage, type JsonMessage } from '../distribution/json-message';

const RED = '\u001b[91m';
const RESET = '\u001b[0m';
const lenient = new TextDecoder('utf-8');

/** Text as Go's encoder sees a Write: bytes that are not UTF-8 become U+FFFD. */
function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : lenient.decode(data);
}

/** The error line that ends a failed stream (FormatError); `code` is omitted when 0. */
export function errorLine(message: string, code = 0): Bytes {
  const detail = code !== 0 ? { code, message } : { message };
  return encodeMessage({ errorDetail: detail, error: message });
}

export class BuildOutput {
  /** What goes on the wire, line by line. */
  readonly channel = new Channel<Bytes>();
  /** Set when the build failed before anything was sent: the route answers with this instead. */
  refused: unknown;
  /** Resolves once the first line is on the wire, or the build is over. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly held: Bytes[] = [];
  private sent = false;

  constructor(
    readonly quiet: boolean,
    /** Whether the client understands `aux` messages (API ≥ 1.30). */
    private readonly wantAux = true,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Whether the client has stopped reading (the build should stop too). */
  get cancelled(): boolean {
    return this.channel.isEnded;
  }

  /** A line of the builder's stdout (`Step 1/3 : …`, ` ---> Using cache`). */
  stdout(data: string | Uint8Array): void {
    this.write(streamText(asText(data)));
  }

  /** A line of its stderr: red on the client's terminal. */
  stderr(data: string | Uint8Array): void {
    this.write(streamText(RED + asText(data) + RESET));
  }

  /** A progress or status message (a base image's pull). */
  progress(message: JsonMessage): void {
    this.write(encodeMessage(message));
  }

  /** The image a stage produced. */
  aux(id: Digest): void {
    if (this.wantAux) this.write(encodeMessage({ aux: { ID: id } }));
  }

  /** The build is done: in quiet mode the one line the client prints. */
  succeed(id: Digest): void {
    if (this.quiet) this.send(streamText(`${id}\n`));
    this.finish();
  }

  /** The build failed: as a last line if the stream has begun, else as `refused`. */
  fail(err: unknown, message: string, code = 0): void {
    if (this.quiet) for (const line of this.held.splice(0)) this.send(line);
    if (this.sent) this.send(errorLine(message, code));
    else this.refused = err;
    this.finish();
  }

  private write(line: Bytes): void {
    if (this.quiet) this.held.push(line);
    else this.send(line);
  }

  private send(line: Bytes): void {
    this.sent = true;
    this.channel.push(line);
    this.markReady();
  }

  private finish(): void {
    this.channel.end();
    this.markReady();
  }
}
