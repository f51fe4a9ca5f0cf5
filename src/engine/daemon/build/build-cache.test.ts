// The classic build cache, scenario by scenario: build once, change something, build again, and see
// which steps say ` ---> Using cache`. Each row gives the two builds and, for every step after a
// FROM, whether it came from the cache (`cache`) or ran (`run`). Docker's rules: RUN is matched by
// its command string, COPY/ADD by a checksum of content and metadata but not mtime, metadata
// instructions by the config they produce; the first miss invalidates the rest of the stage.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDaemon, type ContextFile } from './build.fixture';

type Files = Record<string, ContextFile>;
type Step = 'cache' | 'run';

/** For each step that is not a FROM: did it come from the cache? */
export function stepResults(cli: string): Step[] {
  const lines = cli.split('\n');
  const out: Step[] = [];
  lines.forEach((line, i) => {
    if (!/^Step \d+\/\d+ : /.test(line) || /^Step \d+\/\d+ : FROM /i.test(line)) return;
    out.push(lines[i + 1] === ' ---> Using cache' ? 'cache' : 'run');
  });
  return out;
}

const app = `FROM alpine
WORKDIR /app
COPY config.txt .
RUN cat config.txt > copy.txt
COPY main.sh .
CMD ["sh", "main.sh"]
`;
const base: Files = { Dockerfile: app, 'config.txt': 'port=80\n', 'main.sh': 'echo hi\n' };

const multi = `FROM alpine AS build
COPY src.txt /src.txt
RUN tr a-z A-Z < /src.txt > /out.txt
FROM alpine
COPY --from=build /out.txt /out.txt
CMD ["cat", "/out.txt"]
`;
const multiFiles: Files = { Dockerfile: multi, 'src.txt': 'hello\n' };

interface Scenario {
  name: string;
  first: Files;
  firstQuery?: string;
  second: Files;
  secondQuery?: string;
  expected: Step[];
}

const scenarios: Scenario[] = [
  {
    name: 'rebuild with nothing changed',
    first: base,
    second: base,
    expected: ['cache', 'cache', 'cache', 'cache', 'cache'],
  },
  {
    name: 'edit the file of the first COPY: cache up to it',
    first: base,
    second: { ...base, 'config.txt': 'port=8080\n' },
    expected: ['cache', 'run', 'run', 'run', 'run'],
  },
  {
    name: 'edit the file of the last COPY',
    first: base,
    second: { ...base, 'main.sh': 'echo bye\n' },
    expected: ['cache', 'cache', 'cache', 'run', 'run'],
  },
  {
    name: 'touch a file (only its mtime changes): still cached',
    first: base,
    second: { ...base, 'config.txt': { content: 'port=80\n', mtime: 1_800_000_000 } },
    expected: ['cache', 'cache', 'cache', 'cache', 'cache'],
  },
  {
    name: 'chmod a file: its metadata is in the checksum',
    first: base,
    second: { ...base, 'main.sh': { content: 'echo hi\n', mode: 0o755 } },
    expected: ['cache', 'cache', 'cache', 'run', 'run'],
  },
  {
    name: 'change a RUN command',
    first: base,
    second: { ...base, Dockerfile: app.replace('> copy.txt', '> copy2.txt') },
    expected: ['cache', 'cache', 'run', 'run', 'run'],
  },
  {
    name: 'reorder two steps: the first moved step misses',
    first: base,
    second: {
      ...base,
      Dockerfile: app.replace(
        'COPY config.txt .\nRUN cat config.txt > copy.txt\nCOPY main.sh .\n',
        'COPY main.sh .\nCOPY config.txt .\nRUN cat config.txt > copy.txt\n',
      ),
    },
    expected: ['cache', 'run', 'run', 'run', 'run'],
  },
  {
    name: 'comments and blank lines change nothing',
    first: base,
    second: { ...base, Dockerfile: '# syntax is irrelevant here\n\n' + app.replace('RUN', '# copy it\nRUN') },
    expected: ['cache', 'cache', 'cache', 'cache', 'cache'],
  },
  {
    name: '--no-cache',
    first: base,
    second: base,
    secondQuery: 'nocache=1',
    expected: ['run', 'run', 'run', 'run', 'run'],
  },
  {
    name: 'another --build-arg value: the ARG step is cached, the RUN using it is not',
    first: { Dockerfile: 'FROM alpine\nARG V=1\nRUN echo $V > /v\nENV X=1\n' },
    firstQuery: 'buildargs=' + encodeURIComponent('{"V":"2"}'),
    second: { Dockerfile: 'FROM alpine\nARG V=1\nRUN echo $V > /v\nENV X=1\n' },
    secondQuery: 'buildargs=' + encodeURIComponent('{"V":"3"}'),
    expected: ['cache', 'run', 'run'],
  },
  {
    name: 'change an ENV value: its config differs',
    first: { Dockerfile: 'FROM alpine\nENV MODE=dev\nRUN echo $MODE > /mode\n' },
    second: { Dockerfile: 'FROM alpine\nENV MODE=prod\nRUN echo $MODE > /mode\n' },
    expected: ['run', 'run'],
  },
  {
    name: 'multi-stage: an edit that builds the same artefact keeps the second stage cached',
    first: multiFiles,
    second: { ...multiFiles, 'src.txt': 'HELLO\n' },
    expected: ['run', 'run', 'cache', 'cache'],
  },
  {
    name: 'multi-stage: a new artefact busts the COPY --from',
    first: multiFiles,
    second: { ...multiFiles, 'src.txt': 'goodbye\n' },
    expected: ['run', 'run', 'run', 'run'],
  },
  {
    name: '--target build first, then everything: the first stage is cached',
    first: multiFiles,
    firstQuery: 'target=build',
    second: multiFiles,
    expected: ['cache', 'cache', 'run', 'run'],
  },
  {
    name: 'COPY . picks up the Dockerfile itself: editing it busts the COPY',
    first: { Dockerfile: 'FROM alpine\nCOPY . /src\nENV A=1\n', 'a.txt': 'a' },
    second: { Dockerfile: 'FROM alpine\nCOPY . /src\nENV A=1\n\n', 'a.txt': 'a' },
    expected: ['run', 'run'],
  },
  {
    name: '…unless .dockerignore lists it',
    first: { Dockerfile: 'FROM alpine\nCOPY . /src\nENV A=1\n', 'a.txt': 'a', '.dockerignore': 'Dockerfile\n' },
    second: { Dockerfile: 'FROM alpine\nCOPY . /src\nENV A=1\n\n', 'a.txt': 'a', '.dockerignore': 'Dockerfile\n' },
    expected: ['cache', 'cache'],
  },
  {
    name: 'a stage on scratch is never cached: its first step has no parent ID to look under, and that miss busts the rest',
    first: { Dockerfile: 'FROM scratch\nCOPY a.txt /\nCOPY b.txt /\n', 'a.txt': 'a', 'b.txt': 'b' },
    second: { Dockerfile: 'FROM scratch\nCOPY a.txt /\nCOPY b.txt /\n', 'a.txt': 'a', 'b.txt': 'b' },
    expected: ['run', 'run'],
  },
];

// The world's hub is made (and the catalogue generated) once per file.
beforeAll(() => buildDaemon(), 60_000);
// Each test runs whole builds in the simulated runtime: give a busy machine room.
vi.setConfig({ testTimeout: 30_000 });

describe('the build cache', () => {
  it.each(scenarios)('$name', async ({ first, firstQuery, second, secondQuery, expected }) => {
    const d = await buildDaemon();
    const one = await d.build(first, firstQuery ?? '');
    expect(one.cli).toMatch(/Successfully built/);
    expect(stepResults(one.cli).filter((s) => s === 'cache')).toEqual([]);
    const two = await d.build(second, secondQuery ?? '');
    expect(two.cli).toMatch(/Successfully built/);
    expect(stepResults(two.cli)).toEqual(expected);
    if (expected.every((s) => s === 'cache')) expect(two.id).toBe(one.id);
  });

  it('survives across builds with other tags: a cached image is the same image', async () => {
    const d = await buildDaemon();
    const one = await d.build(base, 't=one');
    const two = await d.build(base, 't=two');
    expect(two.id).toBe(one.id);
    expect(d.ctx.store.resolve('one')!.id).toBe(d.ctx.store.resolve('two')!.id);
  });
});
