// Every instruction of the classic builder: what it does to the image's config and filesystem, and
// the history comment it leaves (`docker history` shows these), as moby's dispatchers write them.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { gzip } from '../../layer/gzip';
import { writeTar } from '../../layer/tar';
import { utf8 } from '../../bytes';
import { buildDaemon, configOf, imageFs, lastSteps } from './build.fixture';

const ok = (cli: string) => expect(cli).toMatch(/Successfully tagged/);

// The world's hub is made (and the catalogue generated) once per file.
beforeAll(() => buildDaemon(), 60_000);
// Each test runs whole builds in the simulated runtime: give a busy machine room.
vi.setConfig({ testTimeout: 30_000 });

describe('metadata instructions', () => {
  it('ENV replaces a variable in place and appends new ones; #(nop) with two spaces', async () => {
    const d = await buildDaemon();
    ok((await d.build({ Dockerfile: 'FROM alpine\nENV A=1 B="two words"\nENV A=3\n' }, 't=t')).cli);
    const c = configOf(d.ctx, 't');
    expect(c.config.Env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'A=3',
      'B=two words',
    ]);
    expect(lastSteps(d.ctx, 't', 2)).toEqual(['/bin/sh -c #(nop)  ENV A=1 B=two words', '/bin/sh -c #(nop)  ENV A=3']);
    expect(c.history.at(-1)!.empty_layer).toBe(true);
    expect(c.container).toMatch(/^[0-9a-f]{64}$/);
    expect(c.container_config.Hostname).toBe(c.container!.slice(0, 12));
    expect(c.container_config.Cmd).toEqual(['/bin/sh', '-c', '#(nop) ', 'ENV A=3']);
  });

  it('LABEL, and --label as extra LABEL steps at the end, sorted by key', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      { Dockerfile: 'FROM alpine\nLABEL a=1 "b c"="d e"\n' },
      `t=t&labels=${encodeURIComponent('{"z":"9","y":"8"}')}`,
    );
    expect(r.cli).toContain('Step 1/4 : FROM alpine\n');
    expect(r.cli).toContain('Step 3/4 : LABEL y=8\n');
    expect(r.cli).toContain('Step 4/4 : LABEL z=9\n');
    expect(configOf(d.ctx, 't').config.Labels).toEqual({ a: '1', 'b c': 'd e', y: '8', z: '9' });
    expect(lastSteps(d.ctx, 't', 3)).toEqual([
      '/bin/sh -c #(nop)  LABEL a=1 b c=d e',
      '/bin/sh -c #(nop)  LABEL y=8',
      '/bin/sh -c #(nop)  LABEL z=9',
    ]);
  });

  it('CMD and ENTRYPOINT: shell form behind /bin/sh -c; ENTRYPOINT drops an inherited CMD', async () => {
    const d = await buildDaemon();
    ok((await d.build({ Dockerfile: 'FROM alpine\nENTRYPOINT ["/bin/echo"]\n' }, 't=ep')).cli);
    expect(configOf(d.ctx, 'ep').config).toMatchObject({ Entrypoint: ['/bin/echo'], Cmd: null });
    ok((await d.build({ Dockerfile: 'FROM alpine\nCMD echo hi\nENTRYPOINT ["/bin/sh", "-c"]\n' }, 't=both')).cli);
    expect(configOf(d.ctx, 'both').config).toMatchObject({
      Entrypoint: ['/bin/sh', '-c'],
      Cmd: ['/bin/sh', '-c', 'echo hi'],
    });
    expect(lastSteps(d.ctx, 'both', 2)).toEqual([
      '/bin/sh -c #(nop)  CMD ["/bin/sh" "-c" "echo hi"]',
      '/bin/sh -c #(nop)  ENTRYPOINT ["/bin/sh" "-c"]',
    ]);
  });

  it('EXPOSE, VOLUME, USER, STOPSIGNAL, MAINTAINER', async () => {
    const d = await buildDaemon();
    const dockerfile =
      'FROM alpine\nMAINTAINER Ada <ada@example.com>\nEXPOSE 80 8000-8001/udp\nVOLUME /data\nUSER nobody\nSTOPSIGNAL SIGQUIT\n';
    ok((await d.build({ Dockerfile: dockerfile }, 't=t')).cli);
    const c = configOf(d.ctx, 't');
    expect(c.config).toMatchObject({
      ExposedPorts: { '80/tcp': {}, '8000/udp': {}, '8001/udp': {} },
      Volumes: { '/data': {} },
      User: 'nobody',
      StopSignal: 'SIGQUIT',
    });
    expect(c.author).toBe('Ada <ada@example.com>');
    expect(c.history.at(-1)!.author).toBe('Ada <ada@example.com>');
    expect(lastSteps(d.ctx, 't', 5)).toEqual([
      '/bin/sh -c #(nop)  MAINTAINER Ada <ada@example.com>',
      '/bin/sh -c #(nop)  EXPOSE 80 8000-8001/udp',
      '/bin/sh -c #(nop)  VOLUME [/data]',
      '/bin/sh -c #(nop)  USER nobody',
      '/bin/sh -c #(nop)  STOPSIGNAL SIGQUIT',
    ]);
  });

  it('SHELL changes how shell forms run and how #(nop) comments read, its own included', async () => {
    const d = await buildDaemon();
    ok(
      (await d.build({ Dockerfile: 'FROM alpine\nSHELL ["/bin/sh", "-ec"]\nRUN echo one > /one\nENV X=1\n' }, 't=t'))
        .cli,
    );
    expect(lastSteps(d.ctx, 't', 3)).toEqual([
      '/bin/sh -ec #(nop)  SHELL [/bin/sh -ec]',
      '/bin/sh -ec echo one > /one',
      '/bin/sh -ec #(nop)  ENV X=1',
    ]);
    expect(configOf(d.ctx, 't').config.Shell).toEqual(['/bin/sh', '-ec']);
  });

  it('HEALTHCHECK: stored with its durations, printed as Go prints the struct; a second one notes the override', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      {
        Dockerfile:
          'FROM alpine\nHEALTHCHECK CMD true\nHEALTHCHECK --interval=5m --timeout=3s --retries=3 CMD wget -q -O- http://localhost/ || exit 1\n',
      },
      't=t',
    );
    expect(r.cli).toContain('Note: overriding previous HEALTHCHECK: [CMD-SHELL true]\n');
    expect(configOf(d.ctx, 't').config.Healthcheck).toEqual({
      Test: ['CMD-SHELL', 'wget -q -O- http://localhost/ || exit 1'],
      Interval: 300_000_000_000,
      Timeout: 3_000_000_000,
      Retries: 3,
    });
    expect(lastSteps(d.ctx, 't', 1)).toEqual([
      `/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "wget -q -O- http://localhost/ || exit 1"] "5m0s" "3s" "0s" "0s" '\\x03'}`,
    ]);
  });

  it('WORKDIR: relative to the last one, the directory made — a layer only when it was new', async () => {
    const d = await buildDaemon();
    ok((await d.build({ Dockerfile: 'FROM alpine\nWORKDIR /web\nWORKDIR app\nWORKDIR /tmp\n' }, 't=t')).cli);
    const c = configOf(d.ctx, 't');
    expect(c.config.WorkingDir).toBe('/tmp');
    expect(lastSteps(d.ctx, 't', 3)).toEqual([
      '/bin/sh -c #(nop) WORKDIR /web',
      '/bin/sh -c #(nop) WORKDIR /web/app',
      '/bin/sh -c #(nop) WORKDIR /tmp',
    ]);
    expect(c.history.slice(-3).map((h) => h.empty_layer ?? false)).toEqual([false, false, true]);
    expect((await imageFs(d.ctx, 't')).stat('/web/app').type).toBe('dir');
  });
});

describe('ARG and build args', () => {
  it('a --build-arg reaches RUN, and its history shows |N KEY=value', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      { Dockerfile: 'FROM alpine\nARG V=1\nARG W\nRUN echo "$V$W" > /v\n' },
      `t=t&buildargs=${encodeURIComponent('{"V":"2","W":"x","UNUSED":"u"}')}`,
    );
    expect(r.cli).toContain('[Warning] One or more build-args [UNUSED] were not consumed\n');
    expect((await imageFs(d.ctx, 't')).readText('/v')).toBe('2x\n');
    expect(lastSteps(d.ctx, 't', 3)).toEqual([
      '/bin/sh -c #(nop)  ARG V=1',
      '/bin/sh -c #(nop)  ARG W',
      '|2 V=2 W=x /bin/sh -c echo "$V$W" > /v',
    ]);
    expect(configOf(d.ctx, 't').config.Env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ]);
  });

  it('ARG before FROM is a step of its own and is only seen by FROM lines', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'ARG BASE=alpine\nFROM ${BASE}\nRUN echo "[$BASE]" > /b\n' }, 't=t');
    expect(r.cli).toMatch(/^Step 1\/3 : ARG BASE=alpine\nStep 2\/3 : FROM \$\{BASE\}\n ---> [0-9a-f]{12}\n/);
    expect((await imageFs(d.ctx, 't')).readText('/b')).toBe('[]\n');
  });
});

describe('ONBUILD', () => {
  it('stores triggers, runs them when a build starts FROM the image, and does not pass them on', async () => {
    const d = await buildDaemon();
    ok(
      (await d.build({ Dockerfile: 'FROM alpine\nONBUILD RUN echo triggered > /t\nONBUILD ENV T=1\n' }, 't=base')).cli,
    );
    expect(configOf(d.ctx, 'base').config.OnBuild).toEqual(['RUN echo triggered > /t', 'ENV T=1']);
    expect(lastSteps(d.ctx, 'base', 1)).toEqual(['/bin/sh -c #(nop)  ONBUILD ENV T=1']);
    const r = await d.build({ Dockerfile: 'FROM base\nCMD ["cat", "/t"]\n' }, 't=child');
    expect(r.cli).toMatch(/^Step 1\/2 : FROM base\n# Executing 2 build triggers\n ---> Running in [0-9a-f]{12}\n/);
    expect((await imageFs(d.ctx, 'child')).readText('/t')).toBe('triggered\n');
    expect(configOf(d.ctx, 'child').config).toMatchObject({
      OnBuild: null,
      Env: expect.arrayContaining(['T=1']) as unknown,
    });
  });
});

describe('RUN', () => {
  it('exec form runs without a shell; --mount needs BuildKit', async () => {
    const d = await buildDaemon();
    ok((await d.build({ Dockerfile: 'FROM alpine\nRUN ["/bin/sh", "-c", "echo exec > /e"]\n' }, 't=t')).cli);
    expect(lastSteps(d.ctx, 't', 1)).toEqual(['/bin/sh -c echo exec > /e']);
    const r = await d.build({ Dockerfile: 'FROM alpine\nRUN --mount=type=cache,target=/c true\n' });
    expect(r.cli).toMatch(
      /the --mount option requires BuildKit. Refer to https:\/\/docs.docker.com\/go\/buildkit\/ to learn how to build images with BuildKit enabled\n$/,
    );
  });

  it('runs as USER, in WORKDIR, with the stage ENV', async () => {
    const d = await buildDaemon();
    ok(
      (
        await d.build(
          {
            Dockerfile:
              'FROM alpine\nENV GREETING=hi\nWORKDIR /work\nRUN echo "$GREETING $(pwd) $(id -un)" > out\nUSER nobody\nRUN id -u > /tmp/uid\n',
          },
          't=t',
        )
      ).cli,
    );
    const fs = await imageFs(d.ctx, 't');
    expect(fs.readText('/work/out')).toBe('hi /work root\n');
    expect(fs.readText('/tmp/uid')).toBe('65534\n');
  });
});

describe('COPY and ADD', () => {
  const files = {
    Dockerfile: '',
    'a.txt': 'a\n',
    'b.txt': 'b\n',
    'conf/x.ini': 'x\n',
    'conf/sub/y.ini': 'y\n',
  };

  it('copies a directory’s contents, follows globs, and applies the trailing-slash rules', async () => {
    const d = await buildDaemon();
    const dockerfile =
      'FROM alpine\nCOPY conf /etc/app\nCOPY *.txt /texts/\nCOPY a.txt /renamed\nWORKDIR /w\nCOPY b.txt sub/\n';
    ok((await d.build({ ...files, Dockerfile: dockerfile }, 't=t')).cli);
    const fs = await imageFs(d.ctx, 't');
    expect(fs.readdir('/etc/app')).toEqual(['sub', 'x.ini']);
    expect(fs.readText('/etc/app/sub/y.ini')).toBe('y\n');
    expect(fs.readdir('/texts')).toEqual(['a.txt', 'b.txt']);
    expect(fs.readText('/renamed')).toBe('a\n');
    expect(fs.readText('/w/sub/b.txt')).toBe('b\n');
    const [dir, glob, one] = lastSteps(d.ctx, 't', 5);
    expect(dir).toMatch(/^\/bin\/sh -c #\(nop\) COPY dir:[0-9a-f]{64} in \/etc\/app $/);
    expect(glob).toMatch(/^\/bin\/sh -c #\(nop\) COPY multi:[0-9a-f]{64} in \/texts\/ $/);
    expect(one).toMatch(/^\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]{64} in \/renamed $/);
    expect(configOf(d.ctx, 't').container).toBeUndefined();
  });

  it('--chown resolves names in the image; files keep their mode and mtime', async () => {
    const d = await buildDaemon();
    const r = await d.build(
      {
        ...files,
        'run.sh': { content: 'echo\n', mode: 0o755, mtime: 1_600_000_000 },
        Dockerfile: 'FROM alpine\nCOPY --chown=nobody:nogroup run.sh /bin/\n',
      },
      't=t',
    );
    ok(r.cli);
    const stats = (await imageFs(d.ctx, 't')).stat('/bin/run.sh');
    expect(stats).toMatchObject({ uid: 65534, gid: 65533, mode: 0o755, mtime: 1_600_000_000 });
    expect(lastSteps(d.ctx, 't', 1)[0]).toMatch(
      /^\/bin\/sh -c #\(nop\) COPY --chown=nobody:nogroup file:[0-9a-f]{64} in \/bin\/ $/,
    );
  });

  it.each([
    [
      'COPY --chmod=755 a.txt /',
      'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
    ],
    [
      'COPY nope /',
      'COPY failed: file not found in build context or excluded by .dockerignore: stat nope: file does not exist',
    ],
    ['COPY *.none /', 'COPY failed: no source files were specified'],
    [
      'COPY a.txt b.txt /dir',
      'When using COPY with more than one source file, the destination must be a directory and end with a /',
    ],
    ['COPY ../secret /', 'COPY failed: forbidden path outside the build context: ../secret ()'],
    ['COPY https://example.com/x /', "COPY failed: source can't be a URL for COPY"],
    [
      'ADD https://example.com/x.tgz /',
      'ADD failed: Get "https://example.com/x.tgz": dial tcp: lookup example.com: no such host',
    ],
    [
      'COPY --chown=ghost a.txt /',
      "unable to convert uid/gid chown string to host mapping: can't find uid for user ghost: no such user: ghost",
    ],
    ['COPY --from=1 a.txt /', 'invalid from flag value 1: index out of bounds'],
  ])('%s → %s', async (line, message) => {
    const d = await buildDaemon();
    const r = await d.build({ ...files, Dockerfile: `FROM alpine\n${line}\n` });
    expect(r.status).toBe(200);
    expect(r.messages.at(-1)).toEqual({ errorDetail: { message }, error: message });
  });

  it('ADD unpacks a local tar.gz but keeps a downloaded or non-archive file as it is', async () => {
    const d = await buildDaemon();
    const tgz = gzip(
      writeTar([
        {
          path: 'site/index.html',
          type: 'file',
          mode: 0o644,
          uid: 0,
          gid: 0,
          mtime: 0,
          content: utf8('<h1>hi</h1>\n'),
        },
      ]),
    );
    ok(
      (
        await d.build(
          {
            'site.tar.gz': { content: tgz },
            'notes.gz': { content: gzip(utf8('plain\n')) },
            Dockerfile: 'FROM alpine\nADD site.tar.gz /var/www/\nADD notes.gz /n/\n',
          },
          't=t',
        )
      ).cli,
    );
    const fs = await imageFs(d.ctx, 't');
    expect(fs.readText('/var/www/site/index.html')).toBe('<h1>hi</h1>\n');
    expect(fs.readdir('/n')).toEqual(['notes.gz']);
  });

  it('COPY --from a stage by name or index keeps the owner the files had there', async () => {
    const d = await buildDaemon();
    const dockerfile =
      'FROM alpine AS build\nRUN echo built > /out && chown nobody /out\nFROM alpine\nCOPY --from=build /out /a\nCOPY --from=0 /out /b\n';
    ok((await d.build({ Dockerfile: dockerfile }, 't=t')).cli);
    const fs = await imageFs(d.ctx, 't');
    expect(fs.readText('/a')).toBe('built\n');
    expect(fs.stat('/b').uid).toBe(65534);
  });
});

describe('FROM scratch', () => {
  it('has no image to show, and builds an image of just its own layers', async () => {
    const d = await buildDaemon();
    const r = await d.build({ Dockerfile: 'FROM scratch\nCOPY hello /\nCMD ["/hello"]\n', hello: 'bin' }, 't=t');
    expect(r.cli).toMatch(/^Step 1\/3 : FROM scratch\n ---> \nStep 2\/3 : COPY hello \/\n ---> [0-9a-f]{12}\n/);
    const c = configOf(d.ctx, 't');
    expect(c.rootfs.diff_ids).toHaveLength(1);
    expect(c.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(c.architecture).toBe('amd64');
    expect(d.ctx.store.resolve('t')!.layers).toHaveLength(1);
  });
});
