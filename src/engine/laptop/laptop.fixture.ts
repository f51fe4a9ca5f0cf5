// Test helpers: a laptop shell over a fresh file tree with fake hooks that record what they were
// asked (docker's argv, stdin and environment; curl's requests; edits; clears), and `sh.run(line)`
// returning the exit status with everything written to stdout and stderr. Not used by the engine.
import { fromUtf8, utf8 } from '../bytes';
import { MemoryInput, MemoryOutput, readAllText } from '../client/cli/streams';
import type { WireResponse } from '../wire/message';
import { LaptopFiles } from './files';
import { LaptopShell } from './shell';
import type { HttpRequest, ShellHooks } from './shell-state';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DockerCall {
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  cwd: string;
}

export interface TestLaptop {
  files: LaptopFiles;
  shell: LaptopShell;
  dockerCalls: DockerCall[];
  requests: HttpRequest[];
  edits: string[];
  clears: number;
  run(line: string, options?: { stdin?: string; tty?: boolean; columns?: number; signal?: AbortSignal }): Promise<Ran>;
}

export interface FakeHooks {
  /** What the fake docker does (default: prints its argv and exits 0). */
  docker?: ShellHooks['docker'];
  /** The fake HTTP answer (default: 200 with the request echoed as JSON). */
  http?: (request: HttpRequest, signal?: AbortSignal) => Promise<WireResponse>;
}

export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

export function testLaptop(fakes: FakeHooks = {}): TestLaptop {
  const files = new LaptopFiles({ now: () => NOW });
  const laptop: TestLaptop = {
    files,
    dockerCalls: [],
    requests: [],
    edits: [],
    clears: 0,
    shell: undefined as unknown as LaptopShell,
    async run(line, options = {}) {
      const out = new MemoryOutput(options.tty ?? false, options.columns);
      const err = new MemoryOutput(options.tty ?? false, options.columns);
      const input = new MemoryInput(options.stdin ?? '', options.tty ?? false);
      const code = await laptop.shell.run(line, {
        out,
        err,
        in: input,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { code, stdout: out.text(), stderr: err.text() };
    },
  };
  laptop.shell = new LaptopShell({
    files,
    hooks: {
      async docker(argv, io, env, cwd) {
        const stdin = await readAllText(io.in);
        laptop.dockerCalls.push({ argv, stdin, env, cwd });
        if (fakes.docker) return fakes.docker(argv, io, env, cwd);
        io.out.write(`docker ${argv.join(' ')}\n`);
        return 0;
      },
      async http(request, signal) {
        laptop.requests.push(request);
        if (fakes.http) return fakes.http(request, signal);
        return {
          status: 200,
          headers: { 'Content-Type': 'text/plain' },
          body: utf8(`${request.method} ${request.url}\n`),
        };
      },
      edit(path) {
        laptop.edits.push(path);
      },
      clear() {
        laptop.clears++;
      },
    },
  });
  return laptop;
}

export const text = (bytes: Uint8Array) => fromUtf8(bytes);
