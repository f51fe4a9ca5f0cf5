// How builds fail, in Docker's words: a Dockerfile or option refused before any output is an HTTP
// error; a failure during the build is the stream's last line (with the exit status of a failed
// RUN as its code). Hostile contexts — entries or links that climb out — are refused whole; a
// runaway RUN is stopped by the runtime's limits. A failed build tags nothing.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bytes } from '../../bytes';
import { gzip } from '../../layer/gzip';
import { buildDaemon, contextTar } from './build.fixture';

beforeAll(() => buildDaemon(), 60_000);
// Each test runs whole builds in the simulated runtime: give a busy machine room.
vi.setConfig({ testTimeout: 30_000 });

/** A tar written by hand, so that it can hold what our own writer refuses to write. */
function rawTar(entries: { name: string; type: '0' | '2' | '5'; linkname?: string; content?: string }[]): Bytes {
  const blocks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const e of entries) {
    const header = new Uint8Array(512);
    const put = (text: string, at: number) => header.set(enc.encode(text), at);
    const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0') + '\0';
    const data = enc.encode(e.content ?? '');
    put(e.name, 0);
    put(octal(e.type === '5' ? 0o755 : 0o644, 8), 100);
    put(octal(0, 8), 108);
    put(octal(0, 8), 116);
    put(octal(data.length, 12), 124);
    put(octal(1_700_000_000, 12), 136);
    put('        ', 148);
    put(e.type, 156);
    put(e.linkname ?? '', 157);
    put('ustar\u000000', 257);
    put(
      octal(
        header.reduce((a, b) => a + b, 0),
        7,
      ),
      148,
    );
    blocks.push(header);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

describe('refused before any output: an HTTP error', () => {
  it.each([
    [
      { Dockerfile: 'FROM alpine\nRUNN echo hi\n' },
      '',
      400,
      'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
    ],
    [
      { Dockerfile: 'FROM alpine\nCOPY onlyone\n' },
      '',
      400,
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    ],
    [{ Dockerfile: 'RUN echo hi\nFROM alpine\n' }, '', 400, 'no build stage in current context'],
    [
      { Dockerfile: '# escape=x\nFROM alpine\n' },
      '',
      400,
      "failed to parse Dockerfile: invalid escape token 'x' does not match ` or \\",
    ],
    [{ Dockerfile: '' }, '', 400, 'the Dockerfile (Dockerfile) cannot be empty'],
    [{ 'other.txt': 'x' }, '', 500, 'Cannot locate specified Dockerfile: Dockerfile'],
    [
      { Dockerfile: 'FROM alpine\n' },
      'dockerfile=build/Dockerfile',
      500,
      'Cannot locate specified Dockerfile: build/Dockerfile',
    ],
    [{ Dockerfile: 'FROM alpine AS one\n' }, 'target=two', 400, 'target stage "two" could not be found'],
    [
      { Dockerfile: 'FROM alpine\n' },
      't=Bad',
      400,
      'invalid reference format: repository name (library/Bad) must be lowercase',
    ],
    [
      { Dockerfile: 'FROM alpine\n' },
      'platform=linux/sparc',
      400,
      '"linux/sparc": unknown operating system or architecture: invalid argument',
    ],
  ])('%j %s → %i %s', async (files, query, status, message) => {
    const d = await buildDaemon();
    const r = await d.build(files, query);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.text)).toEqual({ message });
  });

  it('reads `dockerfile` when there is no `Dockerfile`, and a gzip’d context', async () => {
    const d = await buildDaemon();
    const r = await d.build(gzip(contextTar({ dockerfile: 'FROM alpine\nENV A=1\n' })), 't=lower');
    expect(r.status).toBe(200);
    expect(r.cli).toContain('Successfully tagged lower:latest\n');
  });
});

describe('a failing step', () => {
  it('ends the stream with the command, its exit status as the code, and tags nothing', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\nENV A=1\nRUN echo before; exit 3\nENV B=2\n' }, 't=broken');
    const message = "The command '/bin/sh -c echo before; exit 3' returned a non-zero code: 3";
    expect(r.status).toBe(200);
    expect(r.messages.at(-1)).toEqual({ errorDetail: { code: 3, message }, error: message });
    expect(r.cli).toMatch(/ ---> Running in ([0-9a-f]{12})\nbefore\nThe command/);
    expect(d.ctx.store.resolve('broken')).toBeUndefined();
    // The ENV step's image stays, untagged, as cache; the failed step's container stays, exited.
    const images = (await d.api('GET', '/images/json?all=1')).json as { RepoTags: string[] }[];
    expect(images.filter((i) => i.RepoTags.length === 0)).toHaveLength(1);
    const failed = r.cli.match(/Running in ([0-9a-f]{12})\nbefore/)![1]!;
    const ps = (await d.api('GET', '/containers/json?all=1')).json as { Id: string; State: string; Status: string }[];
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ State: 'exited', Status: expect.stringMatching(/^Exited \(3\)/) as unknown });
    expect(ps[0]!.Id.startsWith(failed)).toBe(true);
  });

  it('with forcerm the failed step’s container is removed too', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\nRUN exit 1\n' }, 'forcerm=1');
    expect(r.cli).toMatch(
      / ---> Removed intermediate container [0-9a-f]{12}\nThe command '\/bin\/sh -c exit 1' returned a non-zero code: 1\n$/,
    );
    expect((await d.api('GET', '/containers/json?all=1')).json).toEqual([]);
  });

  it('with rm=0 even successful steps leave their containers', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\nRUN true\nENV A=1\n' }, 'rm=0');
    expect(r.cli).not.toContain('Removed intermediate container');
    expect((await d.api('GET', '/containers/json?all=1')).json).toHaveLength(2);
  });

  it('a command that does not exist fails like in a shell: 127', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\nRUN frobnicate --now\n' });
    expect(r.messages.at(-1)).toMatchObject({ errorDetail: { code: 127 } });
    expect(r.cli).toContain('frobnicate: not found');
  });

  it('a runaway loop is stopped by the runtime’s limits, with a message, and leaves no image', async () => {
    const d = await buildDaemon();
    const before = d.ctx.store.list().length;
    const r = await d.build({ Dockerfile: 'FROM alpine\nRUN while true; do :; done\n' }, 't=loop');
    const message = "The command '/bin/sh -c while true; do :; done' returned a non-zero code: 137";
    expect(r.messages.at(-1)).toEqual({ errorDetail: { code: 137, message }, error: message });
    expect(r.cli).toMatch(/dockyard: stopped sh \(pid 1\): it ran \d+ steps without pausing \(a runaway loop\?\)/);
    expect(d.ctx.store.list()).toHaveLength(before);
  }, 60_000);

  it('a base image that cannot be pulled: the pull’s error, in the stream', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM nosuch/thing:1\n' });
    expect(r.status).toBe(200);
    expect(r.cli).toMatch(
      /^Step 1\/1 : FROM nosuch\/thing:1\npull access denied for nosuch\/thing, repository does not exist or may require 'docker login'/,
    );
  });
});

describe('hostile contexts', () => {
  it('refuses an entry that climbs out of the context', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      rawTar([
        { name: 'Dockerfile', type: '0', content: 'FROM alpine\n' },
        { name: '../evil', type: '0', content: 'x' },
      ]),
    );
    expect(r.status).toBe(500);
    expect(JSON.parse(r.text)).toEqual({ message: 'invalid path "../evil": path escapes the root' });
  });

  it('refuses a symlink whose target climbs out', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      rawTar([
        { name: 'Dockerfile', type: '0', content: 'FROM alpine\nCOPY evil /\n' },
        { name: 'evil', type: '2', linkname: '../../etc/passwd' },
      ]),
    );
    expect(r.status).toBe(500);
    expect(JSON.parse(r.text)).toEqual({
      message: 'invalid symlink "evil" -> "../../etc/passwd": path escapes the root',
    });
  });

  it('follows an absolute link inside the context, never on the host', async () => {
    const d = await buildDaemon();
    const tar = rawTar([
      { name: 'Dockerfile', type: '0', content: 'FROM alpine\nCOPY passwd /\n' },
      { name: 'passwd', type: '2', linkname: '/etc/passwd' },
    ]);
    const r = await d.build(tar);
    const message =
      'COPY failed: file not found in build context or excluded by .dockerignore: stat passwd: file does not exist';
    expect(r.messages.at(-1)).toEqual({ errorDetail: { message }, error: message });
  });

  it('copies what a link inside the context points to, under the link’s name', async () => {
    const d = await buildDaemon();
    const tar = rawTar([
      { name: 'Dockerfile', type: '0', content: 'FROM alpine\nCOPY current /\n' },
      { name: 'v2.txt', type: '0', content: 'two\n' },
      { name: 'current', type: '2', linkname: 'v2.txt' },
    ]);
    expect((await d.build(tar, 't=linked')).cli).toContain('Successfully tagged linked:latest');
    const fs = new (await import('../../layer/overlay')).Overlay(
      await d.ctx.store.snapshot(d.ctx.store.resolve('linked')!.id),
    );
    expect(fs.lstat('/current').type).toBe('file');
    expect(fs.readText('/current')).toBe('two\n');
  });
});

describe('quiet mode', () => {
  it('a failure sends what was held back, then the error', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\nRUN exit 2\n' }, 'q=1');
    expect(r.cli).toMatch(/^Step 1\/2 : FROM alpine\n/);
    expect(r.messages.at(-1)).toMatchObject({ errorDetail: { code: 2 } });
  });

  it('a refusal is still an HTTP error', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM alpine\nNOPE\n' }, 'q=1');
    expect(r.status).toBe(400);
  });
});
