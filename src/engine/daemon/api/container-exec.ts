// `docker exec` over the Engine API (swagger tag "Exec"):
//
//   POST /containers/{id}/exec   body {Cmd, AttachStdout, AttachStderr, AttachStdin, Tty, Env,
//                                User, WorkingDir, Privileged, DetachKeys} → 201 {"Id": …}
//   POST /exec/{id}/start        body {Detach, Tty} → hijacked stream until the process ends, or
//                                200 at once when detached
//   GET  /exec/{id}/json         the instance, with ExitCode once it has ended (the CLI's exit code)
//   POST /exec/{id}/resize       200
//
// A command the runtime cannot start is, once the connection is hijacked, reported in the stream
// itself — `OCI runtime exec failed: … executable file not found in $PATH` — and the instance's
// ExitCode (127) tells the CLI how to exit; a detached start gets it as the HTTP error.
import type { Bytes } from '../../bytes';
import { utf8 } from '../../bytes';
import { readBody, type WireRequest } from '../../wire/message';
import { Channel } from '../containers/channel';
import { createExec, findExec, inspectExec, startExec, type ExecConfig } from '../containers/exec-instance';
import { containersOf } from '../containers/service';
import { frame } from '../containers/stdcopy';
import { InputPipe } from '../containers/stdio';
import { hijackedResponse, pumpStdin, streamInto } from './container-hijack';
import { findContainer } from './container-lookup';
import { DaemonError } from './errors';
import { emptyResponse, jsonResponse } from './responses';
import type { Route } from './route';

/** moby httputils.ReadJSON: a JSON object, with its words for an empty or broken body. */
async function readJsonObject(req: WireRequest): Promise<Record<string, unknown>> {
  const bytes = await readBody(req.body);
  const text = new TextDecoder().decode(bytes).trim();
  if (text === '') throw DaemonError.invalidParameter('invalid JSON: got EOF while reading request body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw DaemonError.invalidParameter(`invalid JSON: ${(err as Error).message}`);
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw DaemonError.invalidParameter('invalid JSON: not an object');
  return value as Record<string, unknown>;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' ? [v] : [];

const execCreate: Route = {
  method: 'POST',
  pattern: /^\/containers\/([^/]+)\/exec$/,
  async handle(ctx, req, match) {
    const body = await readJsonObject(req);
    const config: ExecConfig = {
      User: typeof body.User === 'string' ? body.User : '',
      Privileged: body.Privileged === true,
      Tty: body.Tty === true,
      AttachStdin: body.AttachStdin === true,
      AttachStdout: body.AttachStdout === true,
      AttachStderr: body.AttachStderr === true,
      DetachKeys: typeof body.DetachKeys === 'string' ? body.DetachKeys : '',
      Env: strings(body.Env),
      WorkingDir: typeof body.WorkingDir === 'string' ? body.WorkingDir : '',
      Cmd: strings(body.Cmd),
    };
    if (config.Cmd.length === 0) throw DaemonError.invalidParameter('No exec command specified');
    const { svc, container } = findContainer(ctx, match[1]!);
    const exec = createExec(svc, container, config, match[1]!);
    return jsonResponse(201, { Id: exec.id });
  },
};

const execStart: Route = {
  method: 'POST',
  pattern: /^\/exec\/([^/]+)\/start$/,
  async handle(ctx, req, match) {
    const body = await readJsonObject(req);
    const svc = containersOf(ctx);
    const exec = findExec(svc, match[1]!);
    if (body.Detach === true) {
      await startExec(svc, exec, {});
      return { status: 200, headers: { 'Content-Type': 'application/json' } };
    }
    const tty = exec.config.Tty;
    const channel = new Channel<Bytes>();
    const stdin = exec.config.AttachStdin ? new InputPipe() : undefined;
    if (stdin) {
      void pumpStdin(req.upgrade, (data) => stdin.write(data), {
        tty,
        onEnd: () => stdin.close(),
        onDetach: () => {
          stdin.close();
          channel.end();
        },
      }).catch(() => stdin.close());
    }
    startExec(svc, exec, { output: streamInto(channel, tty), ...(stdin ? { stdin } : {}) }).catch((err: unknown) => {
      const text = utf8(`${err instanceof Error ? err.message : String(err)}\r\n`);
      channel.push(tty ? text : frame('stdout', text));
      channel.end();
    });
    return hijackedResponse(req, channel, !tty);
  },
};

const execInspect: Route = {
  method: 'GET',
  pattern: /^\/exec\/([^/]+)\/json$/,
  handle: async (ctx, _req, match) => jsonResponse(200, inspectExec(findExec(containersOf(ctx), match[1]!))),
};

const execResize: Route = {
  method: 'POST',
  pattern: /^\/exec\/([^/]+)\/resize$/,
  async handle(ctx, _req, match) {
    findExec(containersOf(ctx), match[1]!);
    return emptyResponse(200);
  },
};

export const containerExecRoutes: Route[] = [execCreate, execStart, execInspect, execResize];
