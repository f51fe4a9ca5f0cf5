// The daemon's networks, published ports and volumes, driven by the real docker CLI (28.2.2)
// through `npm run serve -- --engine 127.0.0.1:<port>` (one node process, stopped by PID):
// `docker network create/ls/inspect/rm`; two containers on a user-defined network where one
// fetches the other's page by name; the same on the default bridge failing by name; `-p 8080:80`
// and a request to the published port from outside the container (a `--network host` busybox: the
// host's own stack); the PORTS column; `--network container:` (localhost, hostname, no PORTS, its
// refusals) and NET I/O; `docker volume create/ls/inspect`, data written from one
// container, `rm`, read from a new one. Every CLI call runs under `timeout -s KILL 60` with a
// private DOCKER_CONFIG.
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

describe.skipIf(!dockerTool.present)(
  `docker CLI: networks and storage (${dockerTool.version || 'docker missing'})`,
  () => {
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dockyard-docker-networks-'));
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
      await dockerOk('pull', '-q', 'busybox');
      await dockerOk('pull', '-q', 'nginx');
    });

    afterAll(async () => {
      await engine?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('docker network ls: bridge, host, none', async () => {
      const table = rows(await dockerOk('network', 'ls'));
      expect(table[0]).toEqual(['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE']);
      expect(table.slice(1).map((r) => r.slice(1))).toEqual([
        ['bridge', 'bridge', 'local'],
        ['host', 'host', 'local'],
        ['none', 'null', 'local'],
      ]);
      expect(table[1]![0]).toMatch(/^[0-9a-f]{12}$/);
    });

    it('docker network create, inspect; a second create with the same name is refused', async () => {
      const id = await dockerOk('network', 'create', 'appnet');
      expect(id).toMatch(/^[0-9a-f]{64}\n$/);
      expect(
        await dockerOk(
          'network',
          'inspect',
          '--format',
          '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}',
          'appnet',
        ),
      ).toBe('172.18.0.0/16 172.18.0.1\n');
      const again = await docker('network', 'create', 'appnet');
      expect(again.code).toBe(1);
      expect(again.stderr).toBe('Error response from daemon: network with name appnet already exists\n');
      const bad = await docker('network', 'create', '--subnet', '172.17.9.0/24', 'clash');
      expect(bad.stderr).toBe(
        'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
      );
    });

    it('two containers on a user-defined network: one fetches the other’s page by name', async () => {
      await dockerOk('run', '-d', '--name', 'web', '--network', 'appnet', 'nginx');
      const r = await docker('run', '--rm', '--network', 'appnet', 'busybox', 'wget', '-qO-', 'http://web');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
      const inspect = await dockerOk(
        'network',
        'inspect',
        '--format',
        '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}',
        'appnet',
      );
      expect(inspect).toBe('web 172.18.0.2/16\n');
      const rm = await docker('network', 'rm', 'appnet');
      expect(rm.code).toBe(1);
      // (the CLI may add a summary line after the daemon’s words)
      expect(rm.stderr).toMatch(
        /^Error response from daemon: error while removing network: network appnet has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)\n/,
      );
    });

    it('the same on the default bridge fails by name', async () => {
      await dockerOk('run', '-d', '--name', 'web0', 'nginx');
      const r = await docker('run', '--rm', 'busybox', 'wget', '-qO-', 'http://web0');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("wget: bad address 'web0'\n");
    });

    it('-p 8080:80: the PORTS column, and a request to the published port from the host’s stack', async () => {
      await dockerOk('run', '-d', '--name', 'pub', '-p', '8080:80', 'nginx');
      const ps = rows(await dockerOk('ps', '--filter', 'name=pub'));
      expect(ps[1]![5]).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
      const r = await docker('run', '--rm', '--network', 'host', 'busybox', 'wget', '-qO-', 'http://localhost:8080');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Welcome to nginx!');
      const clash = await docker('run', '-d', '--name', 'pub2', '-p', '8080:80', 'nginx');
      expect(clash.code).toBe(125);
      expect(clash.stderr).toMatch(
        /docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint pub2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated/,
      );
      expect((await dockerOk('port', 'pub')).split('\n')).toContain('80/tcp -> 0.0.0.0:8080');
    });

    it('--network container:web0 shares its namespace; NET I/O counts the traffic', async () => {
      const page = await docker(
        'run',
        '--rm',
        '--network',
        'container:web0',
        'busybox',
        'wget',
        '-qO-',
        'http://localhost',
      );
      expect(page.code).toBe(0);
      expect(page.stdout).toContain('Welcome to nginx!');
      const webHostname = await dockerOk('inspect', '--format', '{{.Config.Hostname}}', 'web0');
      expect(await dockerOk('run', '--rm', '--network', 'container:web0', 'busybox', 'hostname')).toBe(webHostname);
      await dockerOk('run', '-d', '--name', 'side', '--network', 'container:web0', 'nginx', 'sleep', '1000');
      expect(rows(await dockerOk('ps', '--filter', 'name=side'))[1]).toHaveLength(6); // no PORTS column text
      const ip = (await dockerOk('inspect', '--format', '{{.NetworkSettings.IPAddress}}', 'web0')).trim();
      await dockerOk('run', '--rm', 'busybox', 'wget', '-qO-', `http://${ip}`);
      const netIo = await dockerOk('stats', '--no-stream', '--format', '{{.NetIO}}', 'web0');
      expect(netIo).toMatch(/^\d+(\.\d+)?k?B \/ \d+(\.\d+)?k?B\n$/);
      expect(netIo).not.toBe('0B / 0B\n');
      const published = await docker('run', '--network', 'container:web0', '-p', '9090:80', 'busybox', 'true');
      expect(published.code).toBe(125);
      expect(published.stderr).toContain(
        'docker: Error response from daemon: conflicting options: port publishing and the container type network mode',
      );
      await dockerOk('create', '--name', 'idle', 'busybox', 'true');
      const idle = await docker('run', '--network', 'container:idle', 'busybox', 'true');
      expect(idle.code).toBe(125);
      expect(idle.stderr).toContain(
        'Error response from daemon: cannot join network namespace of a non running container: container idle is created',
      );
    });

    it('docker volume create, write from one container, rm, read from a new one; ls and inspect', async () => {
      expect(await dockerOk('volume', 'create', 'data')).toBe('data\n');
      await dockerOk('run', '--name', 'writer', '-v', 'data:/data', 'busybox', 'sh', '-c', 'echo kept > /data/f');
      await dockerOk('rm', 'writer');
      expect(await dockerOk('run', '--rm', '-v', 'data:/data', 'busybox', 'cat', '/data/f')).toBe('kept\n');
      const ls = rows(await dockerOk('volume', 'ls'));
      expect(ls[0]).toEqual(['DRIVER', 'VOLUME NAME']);
      expect(ls).toContainEqual(['local', 'data']);
      expect(await dockerOk('volume', 'inspect', '--format', '{{.Mountpoint}} {{.Driver}} {{.Scope}}', 'data')).toBe(
        '/var/lib/docker/volumes/data/_data local local\n',
      );
      const bad = await docker('run', '--rm', '-v', 'b@d:/x', 'busybox', 'true');
      expect(bad.code).toBe(125);
      expect(bad.stderr).toContain('includes invalid characters for a local volume name');
    });
  },
);
