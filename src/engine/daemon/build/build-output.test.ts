// The build stream, byte for byte, as golden files (testdata/*.golden; UPDATE_GOLDEN=1 rewrites
// them). IDs are not normalised: images are content-addressed, containers get their IDs from the
// daemon's seeded source, and the clock is simulated, so every run writes the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDaemon } from './build.fixture';

function expectGolden(name: string, text: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

beforeAll(() => buildDaemon(), 60_000);
// Each test runs whole builds in the simulated runtime: give a busy machine room.
vi.setConfig({ testTimeout: 30_000 });

const app = {
  Dockerfile: `FROM alpine
WORKDIR /app
COPY greet.sh .
RUN chmod +x greet.sh && ./greet.sh builder
ENV GREETING=hello
CMD ["./greet.sh", "world"]
`,
  'greet.sh': '#!/bin/sh\necho "hello, $1"\n',
};

describe('golden build output', () => {
  it('a fresh build, then the same build from the cache', async () => {
    const d = await buildDaemon();
    const fresh = await d.build(app, 't=greeter&t=greeter:1.0');
    expect(fresh.status).toBe(200);
    expectGolden('build-fresh', fresh.text);
    expectGolden('build-fresh.cli', fresh.cli);
    const cached = await d.build(app, 't=greeter');
    expectGolden('build-cached.cli', cached.cli);
    expect(cached.id).toBe(fresh.id);
    expectGolden('history-greeter.json', (await d.api('GET', '/v1.50/images/greeter/history')).text);
  });

  it('multi-stage with --target: every stage up to the target, one aux per stage', async () => {
    const d = await buildDaemon();
    const dockerfile = `FROM alpine AS base
RUN echo base > /base
FROM base AS test
RUN echo test > /test
FROM alpine AS release
COPY --from=base /base /base
`;
    const r = await d.build({ Dockerfile: dockerfile }, 't=multi&target=test');
    expectGolden('build-multistage-target.cli', r.cli);
    expect(r.messages.filter((m) => m.aux !== undefined)).toHaveLength(2);
  });

  it('a base image pulled during the build', async () => {
    const d = await buildDaemon([]);
    const r = await d.build({ Dockerfile: 'FROM busybox\nRUN echo hi\n' }, 't=pulled');
    expectGolden('build-pull.cli', r.cli);
  });

  it('quiet: only the image ID (the same image as the verbose build)', async () => {
    const d = await buildDaemon();
    const r = await d.build(app, 'q=1');
    expect(r.text).toMatch(/^\{"stream":"sha256:[0-9a-f]{64}\\n"\}\r\n$/);
    expectGolden('build-quiet', r.text);
    expect(readFileSync(new URL('./testdata/build-fresh.cli.golden', import.meta.url), 'utf8')).toContain(
      `Successfully built ${r.text.slice(18, 30)}\n`,
    );
  });

  it('parser warnings go to stderr (red) before the first step; unused build args are warned about at the end', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      { Dockerfile: 'FROM alpine\nRUN echo a \\\n\n  b\n' },
      `buildargs=${encodeURIComponent('{"NOPE":"1"}')}`,
    );
    expectGolden('build-warnings', r.text);
  });
});
