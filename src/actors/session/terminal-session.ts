// A terminal on the laptop: the student's shell (the engine's LaptopShell over the world's files)
// joined to the world. `docker …` runs the real client (the engine's `runDocker`), whose requests
// travel the world's network to whichever daemon the client picks (`-H`, DOCKER_HOST, a
// context); `curl --unix-socket /var/run/docker.sock …` is the REST API by hand, the same
// messages on the same wire; `curl http://localhost:8080` reaches a container through a port the
// daemon published; `edit` and `clear` are the page's business, so the session only announces them.
//
//   const session = new TerminalSession(world);
//   await runLine(session, 'docker run hello-world');   // { exitCode: 0, stdout: 'Hello from Docker!…' }
import { runDocker, type ClientEnvironment } from '../../engine/client';
import { familiarString, parseReference } from '../../engine/reference';
import { laptopConfigStorage, laptopFileSystem } from '../../engine/laptop/file-adapters';
import { HOME } from '../../engine/laptop/files';
import { completeLine } from '../../engine/laptop/completion';
import { LaptopShell } from '../../engine/laptop/shell';
import type { ShellIO } from '../../engine/laptop/shell-io';
import type { World } from '../world/world';
import { DockerChannel } from './docker-channel';
import { HttpRouter } from './http-router';
import { currentContextOf } from './context-name';
import { TeeOutput } from './tee-output';

export type TerminalIO = ShellIO;

export type SessionEvent =
  | { type: 'command.start'; line: string }
  | { type: 'command.done'; line: string; exitCode: number; stdout: string; stderr: string };

export interface LastCommand {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How much of a command's output the session keeps for `lastCommand` (lessons read it). */
const KEPT_OUTPUT = 256 * 1024;
/** How many lines of history a terminal keeps. */
const KEPT_HISTORY = 1000;

export class TerminalSession {
  readonly terminal: string;
  readonly #shell: LaptopShell;
  readonly #host = 'laptop' as const;
  readonly #editListeners = new Set<(path: string) => void>();
  readonly #clearListeners = new Set<() => void>();
  readonly #listeners = new Set<(event: SessionEvent) => void>();
  #last: LastCommand | undefined;
  /** The line being run, for the trace's name of the docker command it makes. */
  #line = '';

  constructor(
    readonly world: World,
    options: { terminal?: string } = {},
  ) {
    this.terminal = options.terminal ?? 'laptop';
    const files = world.files;
    const http = new HttpRouter(world, { terminal: this.terminal, host: this.#host });
    this.#shell = new LaptopShell({
      files,
      hostname: this.#host,
      user: 'student',
      history: world.history.get(this.terminal) ?? [],
      hooks: {
        docker: (argv, io, env, cwd) => this.#docker(argv, io, env, cwd),
        http: (request, signal) => http.exchange(request, this.#line, signal),
        edit: (path) => this.#editListeners.forEach((listener) => listener(path)),
        clear: () => this.#clearListeners.forEach((listener) => listener()),
      },
    });
  }

  get cwd(): string {
    return this.#shell.cwd;
  }

  get history(): readonly string[] {
    return this.#shell.history;
  }

  get lastCommand(): LastCommand | undefined {
    return this.#last;
  }

  /** `student@laptop:~/app$ `, prefixed with the docker context when it is not the default. */
  prompt(): string {
    const context = currentContextOf(this.world.files, this.#shell.env);
    return this.#shell.prompt(context === 'default' ? undefined : context);
  }

  /** Run one shell line; resolves with its exit status and never rejects. */
  async run(line: string, io: TerminalIO): Promise<number> {
    this.#line = line;
    const out = new TeeOutput(io.out, KEPT_OUTPUT);
    const err = new TeeOutput(io.err, KEPT_OUTPUT);
    this.#emit({ type: 'command.start', line });
    let exitCode: number;
    try {
      exitCode = await this.#shell.run(line, { ...io, out, err });
    } catch (error) {
      // The shell promises never to throw; if it does, the terminal must survive it.
      err.write(`bash: ${error instanceof Error ? error.message : String(error)}\n`);
      exitCode = 1;
    }
    this.world.history.set(this.terminal, this.#shell.history.slice(-KEPT_HISTORY));
    const done = { line, exitCode, stdout: out.kept(), stderr: err.kept() };
    if (line.trim() !== '') this.#last = done;
    this.#emit({ type: 'command.done', ...done });
    return exitCode;
  }

  /** Tab completion at `cursor`: commands, docker subcommands and flags, image and container names, files. */
  complete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }> {
    return completeLine(line, cursor, {
      cwd: this.#shell.cwd,
      files: this.world.files,
      images: async () => this.#imageNames(),
      containers: async () => this.#containerNames(),
    });
  }

  onEdit(listener: (absolutePath: string) => void): () => void {
    this.#editListeners.add(listener);
    return () => this.#editListeners.delete(listener);
  }

  onClear(listener: () => void): () => void {
    this.#clearListeners.add(listener);
    return () => this.#clearListeners.delete(listener);
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: SessionEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  async #docker(argv: string[], io: ShellIO, env: Record<string, string>, cwd: string): Promise<number> {
    const channel = new DockerChannel(this.world, {
      terminal: this.terminal,
      host: this.#host,
      line: this.#line.trim() || ['docker', ...argv].join(' '),
    });
    const environment: ClientEnvironment = {
      out: io.out,
      err: io.err,
      in: io.in,
      env,
      files: laptopFileSystem(this.world.files, () => cwd),
      now: () => this.world.clock.now(),
      home: HOME,
      connect: channel.connect,
      configStorage: (dir) => laptopConfigStorage(this.world.files, dir, () => cwd),
      ...(io.signal ? { signal: io.signal } : {}),
    };
    const code = await runDocker(argv, environment);
    await channel.finish(code);
    return code;
  }

  /** The laptop daemon's image names, read directly (completion must not add messages to the trace). */
  #imageNames(): string[] {
    const store = this.world.daemons.get(this.#host)?.ctx.store;
    const names = new Set<string>();
    for (const image of store?.list() ?? []) {
      for (const tag of image.repoTags) {
        try {
          const familiar = familiarString(parseReference(tag));
          names.add(familiar);
          // bash's docker completion offers `alpine` beside `alpine:latest`.
          if (familiar.endsWith(':latest')) names.add(familiar.slice(0, -':latest'.length));
        } catch {
          names.add(tag);
        }
      }
    }
    return [...names].sort();
  }

  #containerNames(): string[] {
    const containers = this.world.daemons.get(this.#host)?.ctx.containers?.store.list() ?? [];
    return containers.map((c) => c.name.replace(/^\//, '')).sort();
  }
}
