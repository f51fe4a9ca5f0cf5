// The daemon's containers, driven by the real docker CLI (28.2.2) through `npm run serve --
// --engine 127.0.0.1:<port>` (its script, run as one node process, stopped by PID): `docker run`
// of an image not yet pulled, exit codes 0/3/125/127, `run -d`, logs, ps / ps -a, stop, start,
// restart, pause / unpause, rm (refused while running; -f), exec, top, diff, commit, inspect, a
// healthcheck run to `healthy`, and redis through its gosu entrypoint. Images come from the
// simulated hub through the daemon's own pull. Every CLI call runs under `timeout -s KILL 60` with
// a private DOCKER_CONFIG.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool } from './tools';
import { freePort, run, startBackground, type Background, type RunResult } from './support/processes';

const dockerTool = findTool('docker');

let engine: Background;
let host: string;
let work: string;

function docker(...args: string[]): Promise<RunResult> {
  return run('timeout', ['-s', 'KILL', '60', 'docker', ...args], {
    DOCKER_HOST: `tcp://${host}`,
    DOCKER_CONFIG: join(work, 'config'),
  });
}

async function dockerOk(...args: string[]): Promise<string> {
  const r = await docker(...args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Table rows split on the tabwriter's padding (two or more spaces). */
function rows(table: string): string[][] {
  return table
    .trimEnd()
    .split('\n')
    .map((line) => line.trimEnd().split(/ {2,}/));
}

const PS_HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
let webId = '';

describe.skipIf(!dockerTool.present)(`docker CLI: containers (${dockerTool.version || 'docker missing'})`, () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dockyard-docker-containers-'));
    mkdirSync(join(work, 'config'));
    host = `127.0.0.1:${await freePort()}`;
    engine = await startBackground(
      process.execPath,
      ['--import', 'tsx', 'src/node/serve.ts', '--engine', host],
      async () => {
        const res = await fetch(`http://${host}/_ping`);
        return res.ok;
      },
    );
  });

  afterAll(async () => {
    await engine?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('docker run --rm hello-world: not here yet, so pulled first, then its message', async () => {
    const r = await docker('run', '--rm', 'hello-world');
    const err = r.stderr.split('\n');
    expect(err[0]).toBe("Unable to find image 'hello-world:latest' locally");
    expect(err[1]).toBe('latest: Pulling from library/hello-world');
    expect(err).toContain('Status: Downloaded newer image for hello-world:latest');
    expect(r.stdout).toContain(
      'Hello from Docker!\nThis message shows that your installation appears to be working correctly.\n',
    );
    expect(r.code).toBe(0);
    expect(await dockerOk('ps', '-a', '-q')).toBe('');
  });

  it('docker run --rm alpine sh -c: both streams, the exit code is the container’s (3)', async () => {
    const r = await docker('run', '--rm', 'alpine', 'sh', '-c', 'echo out; echo err >&2; exit 3');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('out\n');
    expect(r.stderr.endsWith('err\n')).toBe(true);
    expect(r.stderr).toContain("Unable to find image 'alpine:latest' locally\n");
    const again = await docker('run', '--rm', 'alpine', 'true');
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('docker run --rm alpine nope: 127 and Docker’s words', async () => {
    const r = await docker('run', '--rm', 'alpine', 'nope');
    expect(r.code).toBe(127);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope": executable file not found in $PATH\n\nRun \'docker run --help\' for more information\n',
    );
    expect(await dockerOk('ps', '-a', '-q')).toBe('');
  });

  it('docker run --bad-flag: 125 from the CLI itself', async () => {
    const r = await docker('run', '--bad-flag', 'alpine');
    expect(r.code).toBe(125);
    expect(r.stderr.startsWith('unknown flag: --bad-flag\n')).toBe(true);
  });

  it('docker run -i: stdin reaches the container', async () => {
    const r = await run('sh', ['-c', `echo piped | timeout -s KILL 60 docker run --rm -i alpine cat`], {
      DOCKER_HOST: `tcp://${host}`,
      DOCKER_CONFIG: join(work, 'config'),
    });
    expect(r).toMatchObject({ code: 0, stdout: 'piped\n' });
  });

  it('docker run -t: one terminal stream, \\r\\n line endings', async () => {
    const r = await docker('run', '--rm', '-t', 'alpine', 'sh', '-c', 'echo tty; echo err >&2');
    expect(r.stdout).toBe('tty\r\nerr\r\n');
  });

  it('docker run -d --name web nginx:alpine: prints the ID', async () => {
    const out = await dockerOk('run', '-d', '--name', 'web', 'nginx:alpine');
    expect(out).toMatch(/^[0-9a-f]{64}\n$/);
    webId = out.trim();
    expect(await dockerOk('inspect', '--format', '{{.State.Status}}', 'web')).toBe('running\n');
  });

  it('docker logs web: nginx’s startup notices', async () => {
    const r = await docker('logs', 'web');
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('start worker processes');
  });
  it('docker logs web: the entrypoint’s lines, as the real nginx:alpine 1.27 prints them', async () => {
    const r = await docker('logs', 'web');
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ]);
    expect(r.stderr).toMatch(/\[notice\] 1#1: start worker process \d+\n/);
  });

  it('docker ps and ps -a: the columns and Docker’s STATUS', async () => {
    await dockerOk('run', '--name', 'done', 'alpine', 'true');
    const ps = rows(await dockerOk('ps'));
    expect(ps[0]).toEqual(PS_HEADER);
    expect(ps).toHaveLength(2);
    const [id, image, command, created, status, ports, name] = ps[1]!;
    expect([id, image, command, ports, name]).toEqual([
      webId.slice(0, 12),
      'nginx:alpine',
      '"/docker-entrypoint.…"',
      '80/tcp',
      'web',
    ]);
    expect(created).toMatch(/ ago$/);
    expect(status).toMatch(/^Up (Less than a second|\d+ seconds?)$/);
    const all = rows(await dockerOk('ps', '-a', '--format', 'table {{.Names}}\t{{.Status}}'));
    expect(all[0]).toEqual(['NAMES', 'STATUS']);
    expect(
      all
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['done', 'web']);
    expect(all.find((r) => r[0] === 'done')![1]).toMatch(/^Exited \(0\) (Less than a second|\d+ seconds?) ago$/);
    expect(await dockerOk('rm', 'done')).toBe('done\n');
  });

  it('docker exec web cat /etc/os-release', async () => {
    const out = await dockerOk('exec', 'web', 'cat', '/etc/os-release');
    expect(out).toContain('NAME="Alpine Linux"\n');
    const missing = await docker('exec', 'web', 'nope');
    expect(missing.code).toBe(127);
    expect(missing.stdout).toContain('exec: "nope": executable file not found in $PATH');
  });

  it('docker top web and ps inside: nginx’s master as PID 1, one worker per CPU as nginx (uid 101)', async () => {
    const table = rows(await dockerOk('top', 'web'));
    const master = table.find((r) => r[7] === 'nginx: master process nginx -g daemon off;');
    expect(master?.[0]).toBe('root');
    const workers = table.filter((r) => r[7] === 'nginx: worker process');
    expect(workers.length).toBe(Number((await dockerOk('exec', 'web', 'nproc')).trim()));
    for (const w of workers) expect([w[0], w[2]]).toEqual(['101', master?.[1]]);
    const ps = await dockerOk('exec', 'web', 'ps');
    expect(ps).toMatch(/^\s*1 root\s+\S+ nginx: master process nginx -g daemon off;$/m);
    expect(ps.match(/^\s*\d+ nginx\s+\S+ nginx: worker process$/gm)).toHaveLength(workers.length);
  });
  it('docker top web: host PIDs, the ps -ef columns', async () => {
    const table = rows(await dockerOk('top', 'web'));
    expect(table[0]).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    const pid = Number((await dockerOk('inspect', '--format', '{{.State.Pid}}', 'web')).trim());
    expect(table.slice(1).map((r) => Number(r[1]))).toContain(pid);
  });

  it('docker diff web: A/C/D lines, the init layer never among them', async () => {
    await dockerOk('exec', 'web', 'sh', '-c', 'touch /tmp/marker; rm /etc/os-release');
    const lines = (await dockerOk('diff', 'web')).trimEnd().split('\n');
    expect(lines).toEqual(expect.arrayContaining(['C /tmp', 'A /tmp/marker', 'C /etc', 'D /etc/os-release']));
    expect(lines.every((l) => /^[ACD] \//.test(l))).toBe(true);
    expect(lines.some((l) => /\/etc\/(hosts|hostname|resolv\.conf)$/.test(l))).toBe(false);
  });

  it('docker commit web: a new image with the change', async () => {
    const out = await dockerOk('commit', '-m', 'marked', 'web', 'web-snapshot:v1');
    expect(out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(await dockerOk('images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}', 'web-snapshot')).toBe(
      `web-snapshot:v1 ${out.slice(7, 19)}\n`,
    );
    expect(await dockerOk('history', '--format', '{{.Comment}}', 'web-snapshot:v1')).toMatch(/^marked\n/);
    const r = await docker('run', '--rm', '--entrypoint', 'ls', 'web-snapshot:v1', '/tmp');
    expect(r.stdout).toContain('marker\n');
  });

  it('docker inspect web: a container', async () => {
    const [c] = JSON.parse(await dockerOk('inspect', 'web')) as Record<string, unknown>[];
    expect(c).toMatchObject({
      Id: webId,
      Name: '/web',
      Path: '/docker-entrypoint.sh',
      Args: ['nginx', '-g', 'daemon off;'],
      State: { Status: 'running', Running: true, ExitCode: 0, FinishedAt: '0001-01-01T00:00:00Z' },
      Driver: 'overlay2',
      Config: { Hostname: webId.slice(0, 12), Image: 'nginx:alpine', StopSignal: 'SIGQUIT' },
      HostConfig: { NetworkMode: 'bridge', RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } },
      NetworkSettings: { Gateway: '172.17.0.1', Ports: { '80/tcp': null } },
    });
    expect((c!.NetworkSettings as { IPAddress: string }).IPAddress).toMatch(/^172\.17\.0\.\d+$/);
    expect(await dockerOk('inspect', '--format', '{{.Config.Hostname}}', 'web')).toBe(`${webId.slice(0, 12)}\n`);
  });

  it('docker pause / unpause web', async () => {
    expect(await dockerOk('pause', 'web')).toBe('web\n');
    expect(rows(await dockerOk('ps', '--format', 'table {{.Status}}'))[1]![0]).toMatch(/ \(Paused\)$/);
    const again = await docker('pause', 'web');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`Error response from daemon: container ${webId} is already paused\n`);
    expect(await dockerOk('unpause', 'web')).toBe('web\n');
    expect(await dockerOk('inspect', '--format', '{{.State.Status}}', 'web')).toBe('running\n');
  });

  it('docker stop, start, restart web', async () => {
    expect(await dockerOk('stop', 'web')).toBe('web\n');
    expect(await dockerOk('ps', '-a', '--format', '{{.Status}}', '--filter', 'name=web')).toMatch(/^Exited \(0\) /);
    expect(await dockerOk('stop', 'web')).toBe('web\n');
    expect(await dockerOk('start', 'web')).toBe('web\n');
    expect(await dockerOk('inspect', '--format', '{{.State.Status}}', 'web')).toBe('running\n');
    expect(await dockerOk('restart', 'web')).toBe('web\n');
    expect(await dockerOk('ps', '--format', '{{.Names}} {{.Status}}')).toMatch(/^web Up /);
  });

  it('docker rm web while it runs is refused; rm -f removes it', async () => {
    const refused = await docker('rm', 'web');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n',
    );
    expect(await dockerOk('rm', '-f', 'web')).toBe('web\n');
    expect(await dockerOk('ps', '-a', '-q')).toBe('');
  });

  it('docker run -d redis: gosu drops to redis, no loop; exec redis-cli ping; top shows uid 999', async () => {
    await dockerOk('run', '-d', '--name', 'cache', 'redis');
    expect(await dockerOk('exec', 'cache', 'redis-cli', 'ping')).toBe('PONG\n');
    const table = rows(await dockerOk('top', 'cache'));
    expect(table.slice(1).map((r) => [r[0], r[7]])).toEqual([['999', 'redis-server *:6379']]);
    expect(await dockerOk('rm', '-f', 'cache')).toBe('cache\n');
  });

  it('docker run --health-cmd true --health-interval 1s: the daemon probes it to healthy', async () => {
    await dockerOk(
      'run',
      '-d',
      '--name',
      'probed',
      '--health-cmd',
      'true',
      '--health-interval',
      '1s',
      'alpine',
      'sleep',
      '30',
    );
    const status = () => dockerOk('inspect', '--format', '{{.State.Health.Status}}', 'probed');
    // serve runs on the wall clock: wait (up to 20 real seconds) for the first probes to run
    for (let tries = 0; tries < 40 && (await status()) !== 'healthy\n'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await status()).toBe('healthy\n');
    expect(await dockerOk('ps', '--filter', 'health=healthy', '--format', '{{.Names}} {{.Status}}')).toMatch(
      /^probed Up \d+ seconds? \(healthy\)\n$/,
    );
    expect(await dockerOk('ps', '--filter', 'health=none', '-q')).toBe('');
    expect(await dockerOk('rm', '-f', 'probed')).toBe('probed\n');
  });

  it('a container of alpine: exec, stop (SIGTERM ignored by sh, then SIGKILL: 137), rm', async () => {
    const id = (await dockerOk('run', '-d', '--name', 'shell', 'alpine', 'sleep', '1000')).trim();
    const inside = await dockerOk('exec', 'shell', 'sh', '-c', 'echo $HOSTNAME; ps');
    expect(inside.split('\n')[0]).toBe(id.slice(0, 12));
    expect(inside).toMatch(/^\s*1 root .*sleep 1000$/m);
    expect(await dockerOk('stop', '-t', '1', 'shell')).toBe('shell\n');
    expect(await dockerOk('inspect', '--format', '{{.State.ExitCode}}', 'shell')).toBe('137\n');
    expect(await dockerOk('rm', 'shell')).toBe('shell\n');
    const gone = await docker('rm', 'shell');
    expect(gone.stderr).toBe('Error response from daemon: No such container: shell\n');
  });
});
