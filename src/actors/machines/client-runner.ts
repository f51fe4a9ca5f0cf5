// What a docker client does for one command: send requests to its daemon, one after another (or
// as a program decides, like `docker run`'s create → 404 → pull → create → attach → wait → start),
// and read each answer as the CLI reads it — a progress stream decoded message by message, which
// feeds the operation actor that animates the pull, push or build. The runner reports each step
// back to its client actor (`http.sent`, `http.answered`, `stream.end`…) and finally the result.
//
// A daemon that cannot be reached fails the command with the client's own words:
// `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`
import { concatBytes, type Bytes } from '../../engine/bytes';
import { isStream, splitUrl, type Headers, type WireRequest, type WireResponse } from '../../engine/wire/message';
import { NetworkError } from '../network/network';
import { recordedStream } from '../network/recorded-stream';
import { ProgressReader, type ProgressMessage } from '../operations/progress-stream';

/** The daemon did not answer at all (its host or the link to it is down). */
export class DaemonUnreachableError extends Error {
  override name = 'DaemonUnreachableError';
  constructor(dockerHost: string, cause: unknown) {
    super(`Cannot connect to the Docker daemon at ${dockerHost}. Is the docker daemon running?`, { cause });
  }
}

/** One answer as the program sees it: headers at once, the body when it has been read. */
export interface Answer {
  request: WireRequest;
  status: number;
  headers: Headers;
  body: Promise<Bytes>;
  /** The progress messages of a pull, push or build, decoded as the CLI decodes them. */
  messages: Promise<ProgressMessage[]>;
}

export interface ClientApi {
  call(request: WireRequest): Promise<Answer>;
  /**
   * Send a request and hand back the daemon's response as it came (the docker CLI reads it
   * itself). A streamed body passes through the runner as the caller reads it, so the trace's
   * command still gets its answer record and a pull, push or build still feeds its operation actor.
   */
  exchange(request: WireRequest): Promise<WireResponse>;
}

/** A command's plan, as docker/cli's run functions are: API calls and decisions; returns the exit code. */
export type ClientProgram = (api: ClientApi) => Promise<number | void>;

/** One exchange of a finished command. */
export interface AnswerRecord {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** The body as far as it had been read when the command finished (all of it, unless still streaming). */
  body: Bytes;
  messages: ProgressMessage[];
}

export interface CommandResult {
  command: number;
  terminal: string;
  answers: AnswerRecord[];
  exitCode: number;
  /** What the client prints when the command fails outright (`Cannot connect…`). */
  error?: string;
}

export type OperationKind = 'pull' | 'push' | 'build';

export type RunnerEvent =
  | { type: 'http.sent' }
  | { type: 'http.answered'; streamed: boolean }
  | { type: 'http.unanswered' }
  | { type: 'stream.end' }
  | { type: 'operation.start'; kind: OperationKind; operation: string; subject: string }
  | { type: 'operation.message'; operation: string; message: ProgressMessage }
  | { type: 'operation.end'; operation: string }
  | { type: 'command.done'; result: CommandResult };

export interface RunnerInput {
  command: number;
  terminal: string;
  /** How the client names its daemon (`unix:///var/run/docker.sock`, `tcp://cloud-vm:2375`). */
  dockerHost: string;
  send: (request: WireRequest) => Promise<WireResponse>;
  requests?: readonly WireRequest[];
  program?: ClientProgram;
  /** The systemId of the n-th operation of this command. */
  operationId: (n: number) => string;
}

/** Which long operation a request starts, judged as the stage would label it. */
export function operationOf(request: WireRequest): { kind: OperationKind; subject: string } | undefined {
  if (request.method.toUpperCase() !== 'POST') return undefined;
  const { path, query } = splitUrl(request.url);
  const route = path.replace(/^\/v\d+(\.\d+)?(?=\/)/, '');
  if (route === '/images/create' && query.has('fromImage')) {
    const tag = query.get('tag');
    return {
      kind: 'pull',
      subject: `${query.get('fromImage')}${tag ? (tag.startsWith('sha256:') ? '@' : ':') + tag : ''}`,
    };
  }
  const push = /^\/images\/(.+)\/push$/.exec(route);
  if (push) return { kind: 'push', subject: `${push[1]}${query.get('tag') ? `:${query.get('tag')}` : ''}` };
  if (route === '/build') return { kind: 'build', subject: query.getAll('t').join(', ') };
  return undefined;
}

/** Send each request in turn, reading each answer whole; exit 1 at the first error. */
export function sequentially(requests: readonly WireRequest[]): ClientProgram {
  return async (api) => {
    for (const request of requests) {
      const answer = await api.call(request);
      await answer.body;
      const messages = await answer.messages;
      if (answer.status >= 400 || messages.some((m) => m.error !== undefined)) return 1;
    }
    return 0;
  };
}

/** Run one command, reporting through `sendBack`; ends with `command.done`. */
export function runCommand(input: RunnerInput, sendBack: (event: RunnerEvent) => void): void {
  const answers: Reading[] = [];
  let operations = 0;

  /** Send one request; record its answer and start the operation it begins, if any. */
  const open = async (request: WireRequest) => {
    sendBack({ type: 'http.sent' });
    let response: WireResponse;
    try {
      response = await input.send(request);
    } catch (err) {
      sendBack({ type: 'http.unanswered' });
      throw err instanceof NetworkError ? new DaemonUnreachableError(input.dockerHost, err) : err;
    }
    const streamed = isStream(response.body);
    sendBack({ type: 'http.answered', streamed });
    const record: Reading = {
      method: request.method,
      url: request.url,
      status: response.status,
      headers: response.headers,
      chunks: [],
      messages: [],
    };
    answers.push(record);
    const op = streamed && response.status < 300 ? operationOf(request) : undefined;
    let operation: string | undefined;
    if (op) {
      operation = input.operationId(++operations);
      sendBack({ type: 'operation.start', kind: op.kind, operation, subject: op.subject });
    }
    return { response, record, operation };
  };

  const exchange = async (request: WireRequest): Promise<WireResponse> => {
    const { response, record, operation } = await open(request);
    const body = response.body;
    if (!isStream(body)) {
      if (body) record.chunks.push(body);
      if (operation) sendBack({ type: 'operation.end', operation });
      return response;
    }
    return { ...response, body: passThrough(body, record, operation, sendBack) };
  };

  const call = async (request: WireRequest): Promise<Answer> => {
    const { response, record, operation } = await open(request);
    const body = readAnswer(response, record, operation, sendBack);
    const messages = body.then(() => record.messages);
    // A program may leave a stream unread (a detached `wait`): its failure must not go unhandled.
    body.catch(() => undefined);
    messages.catch(() => undefined);
    return { request, status: response.status, headers: response.headers, body, messages };
  };

  const program = input.program ?? sequentially(input.requests ?? []);
  const finish = (exitCode: number, error?: string) => {
    const result: CommandResult = {
      command: input.command,
      terminal: input.terminal,
      answers: answers.map(({ chunks, ...rest }) => ({ ...rest, body: concatBytes(chunks) })),
      exitCode,
    };
    if (error !== undefined) result.error = error;
    sendBack({ type: 'command.done', result });
  };
  program({ call, exchange }).then(
    (code) => finish(code ?? 0),
    (err: unknown) => finish(1, err instanceof Error ? err.message : String(err)),
  );
}

/** An answer being read: its chunks so far. */
type Reading = Omit<AnswerRecord, 'body'> & { chunks: Bytes[] };

async function readAnswer(
  response: WireResponse,
  record: Reading,
  operation: string | undefined,
  sendBack: (event: RunnerEvent) => void,
): Promise<Bytes> {
  const body = response.body;
  if (!isStream(body)) {
    if (body) record.chunks.push(body);
    if (operation) sendBack({ type: 'operation.end', operation });
    return body ?? new Uint8Array(0);
  }
  // The program asked for the whole body: it gets all of it, whatever the record keeps.
  const whole: Bytes[] = [];
  for await (const chunk of passThrough(body, record, operation, sendBack)) whole.push(chunk);
  return concatBytes(whole);
}

/**
 * How much of a streamed body a command's record keeps: a `logs -f` or `events` left running for
 * hours must not grow without end (the trace keeps its own, smaller, record of each stream).
 */
export const RECORDED_STREAM_BYTES = 1024 * 1024;

function keep(record: Reading, chunk: Bytes): void {
  const kept = record.chunks.reduce((sum, c) => sum + c.length, 0);
  if (kept >= RECORDED_STREAM_BYTES) return;
  record.chunks.push(
    kept + chunk.length > RECORDED_STREAM_BYTES ? chunk.subarray(0, RECORDED_STREAM_BYTES - kept) : chunk,
  );
}

/** A streamed body read through the runner: each chunk is recorded (and decoded for an operation) as it passes. */
function passThrough(
  body: AsyncIterable<Bytes>,
  record: Reading,
  operation: string | undefined,
  sendBack: (event: RunnerEvent) => void,
): AsyncIterable<Bytes> {
  const reader = operation ? new ProgressReader() : undefined;
  const deliver = (messages: ProgressMessage[]) => {
    for (const message of messages) {
      record.messages.push(message);
      if (operation) sendBack({ type: 'operation.message', operation, message });
    }
  };
  return recordedStream(body, {
    chunk(bytes) {
      keep(record, bytes);
      if (reader) deliver(reader.push(bytes));
    },
    end(how) {
      if (reader && how === 'ended') deliver(reader.end());
      sendBack({ type: 'stream.end' });
      if (operation) sendBack({ type: 'operation.end', operation });
    },
  });
}
