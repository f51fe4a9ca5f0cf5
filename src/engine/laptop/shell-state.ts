// What the laptop's shell remembers between lines: the working directory (and the previous one,
// for `cd -`), its variables and which of them are exported to commands (`export`, `env`), the
// status of the last command (`$?`), and the history. Also the hooks through which a command
// reaches beyond the laptop — `docker` and `curl` go out over the world's network, `edit` opens
// the page's editor, `clear` clears the terminal — so the shell itself stays pure.
import type { Bytes } from '../bytes';
import type { WireResponse } from '../wire/message';
import type { LaptopFiles } from './files';
import { resolvePath } from './laptop-path';
import type { ShellIO } from './shell-io';

/** A request `curl` makes: to a URL, or through a unix socket (`--unix-socket /var/run/docker.sock`). */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Bytes;
  unixSocket?: string;
}

export interface ShellHooks {
  /** `docker ARGS…`: `argv` is what follows the word `docker`; resolves with the exit status. */
  docker(argv: string[], io: ShellIO, env: Record<string, string>, cwd: string): Promise<number>;
  /**
   * One HTTP exchange for curl. Reject with an `HttpHookError` (or any error whose `code` is one of
   * its codes) to make curl print its own failure: `curl: (7) Failed to connect to …`.
   */
  http(request: HttpRequest, signal?: AbortSignal): Promise<WireResponse>;
  /** `edit FILE`: open the editor on this file (it exists by then). */
  edit(absolutePath: string): void;
  /** `clear`. */
  clear(): void;
}

/** Why an HTTP exchange failed, in the terms curl reports. */
export type HttpFailure = 'connect' | 'resolve' | 'timeout';

export class HttpHookError extends Error {
  override name = 'HttpHookError';
  constructor(
    readonly code: HttpFailure,
    message: string = code,
  ) {
    super(message);
  }
}

export interface ShellOptions {
  files: LaptopFiles;
  hostname?: string;
  user?: string;
  /** Lines typed before (a restored terminal's history), oldest first. */
  history?: readonly string[];
  /** Extra exported variables (added to HOME, USER, PATH, PWD…). */
  env?: Record<string, string>;
  hooks: ShellHooks;
}

export class ShellState {
  readonly files: LaptopFiles;
  readonly hooks: ShellHooks;
  readonly hostname: string;
  readonly user: string;
  readonly home: string;
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  readonly history: string[] = [];
  status = 0;

  constructor(options: ShellOptions) {
    this.files = options.files;
    this.hooks = options.hooks;
    this.history.push(...(options.history ?? []));
    this.hostname = options.hostname ?? 'laptop';
    this.user = options.user ?? 'student';
    this.home = this.user === 'root' ? '/root' : `/home/${this.user}`;
    const initial: Record<string, string> = {
      HOME: this.home,
      USER: this.user,
      LOGNAME: this.user,
      HOSTNAME: this.hostname,
      SHELL: '/bin/bash',
      PATH: '/usr/local/bin:/usr/bin:/bin',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      PWD: this.home,
      ...options.env,
    };
    for (const [name, value] of Object.entries(initial)) this.setVar(name, value, true);
  }

  get cwd(): string {
    return this.vars.get('PWD') ?? '/';
  }

  /** Change directory (the caller has checked it is one); remembers the old one for `cd -`. */
  chdir(abs: string): void {
    this.setVar('OLDPWD', this.cwd, true);
    this.setVar('PWD', abs, true);
  }

  resolve(path: string): string {
    return resolvePath(this.cwd, path);
  }

  setVar(name: string, value: string, exportIt = false): void {
    this.vars.set(name, value);
    if (exportIt) this.exported.add(name);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
    this.exported.delete(name);
  }

  /** The exported variables: what a command's environment starts from. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of [...this.exported].sort()) {
      const value = this.vars.get(name);
      if (value !== undefined) env[name] = value;
    }
    return env;
  }
}

/** What a builtin gets: its streams, the shell, and the environment of this one command. */
export interface CommandContext {
  io: ShellIO;
  shell: ShellState;
  env: Record<string, string>;
  /** Run another command (for `sudo`, `env NAME=value cmd`): argv already expanded. */
  runArgv(argv: string[], io: ShellIO, env?: Record<string, string>): Promise<number>;
}

export type Builtin = (args: string[], ctx: CommandContext) => Promise<number>;
