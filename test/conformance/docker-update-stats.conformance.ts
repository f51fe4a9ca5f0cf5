// `docker update`, `docker stats`, `docker export` and `docker import`, driven by the real docker
// CLI (28.2.2) against `npm run serve -- --engine 127.0.0.1:<port>` (one node process, stopped by
// PID): what the CLI prints from our answers — the names it updated, Docker's refusals, the stats
// table it computes from our samples, an exported tar it writes to disk and imports back, from a
// file and from stdin. Every CLI call runs under `timeout -s KILL 60` with a private DOCKER_CONFIG.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTar } from '../../src/engine/layer/tar';
import { findTool } from './tools';
import { freePort, run, startBackground, type Background, type RunResult } from './support/processes';

const dockerTool = findTool('docker');

let engine: Background;
let host: string;
let work: string;
let webId = '';

const env = () => ({ DOCKER_HOST: `tcp://${host}`, DOCKER_CONFIG: join(work, 'config') });

function docker(...args: string[]): Promise<RunResult> {
  return run('timeout', ['-s', 'KILL', '60', 'docker', ...args], env());
}

async function dockerOk(...args: string[]): Promise<string> {
  const r = await docker(...args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

describe.skipIf(!dockerTool.present)(
  `docker CLI: update, stats, export, import (${dockerTool.version || 'docker missing'})`,
  () => {
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'dockyard-docker-update-stats-'));
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
      webId = (await dockerOk('run', '-d', '--name', 'web', 'alpine', 'sleep', '1000')).trim();
    });

    afterAll(async () => {
      await engine?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('docker update --restart --memory --memory-swap: the name back, and inspect shows the change', async () => {
      expect(
        await docker('update', '--restart', 'always', '--memory', '64m', '--memory-swap', '128m', 'web'),
      ).toMatchObject({ code: 0, stdout: 'web\n', stderr: '' });
      const shown = await dockerOk(
        'inspect',
        '-f',
        '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}',
        'web',
      );
      expect(shown).toBe('always 67108864 134217728\n');
    });

    it('docker update refused: the daemon’s words, exit 1', async () => {
      const above = await docker('update', '--memory', '256m', 'web');
      expect(above.code).toBe(1);
      expect(above.stderr).toBe(
        `Error response from daemon: Cannot update container ${webId}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n`,
      );
      const small = await docker('update', '--memory', '1m', 'web');
      expect(small.stderr).toBe('Error response from daemon: Minimum memory limit allowed is 6MB\n');
      const missing = await docker('update', '--cpus', '0.5', 'nosuch');
      expect(missing).toMatchObject({ code: 1, stderr: 'Error response from daemon: No such container: nosuch\n' });
    });

    it('docker stats --no-stream: the table, memory against the --memory limit, one process', async () => {
      const table = await dockerOk('stats', '--no-stream', 'web');
      const [header, row] = table.trimEnd().split('\n');
      expect(header!.split(/ {2,}/)).toEqual([
        'CONTAINER ID',
        'NAME',
        'CPU %',
        'MEM USAGE / LIMIT',
        'MEM %',
        'NET I/O',
        'BLOCK I/O',
        'PIDS',
      ]);
      const cells = row!.trimEnd().split(/ {2,}/);
      expect(cells[0]).toBe(webId.slice(0, 12));
      expect(cells[1]).toBe('web');
      expect(cells[2]).toMatch(/^\d+\.\d\d%$/);
      expect(cells[3]).toMatch(/^[\d.]+[KM]iB \/ 64MiB$/);
      expect(cells[5]).toBe('0B / 0B');
      expect(cells[7]).toBe('1');
      const formatted = await dockerOk('stats', '--no-stream', '--format', '{{.Name}} {{.PIDs}} {{.NetIO}}', 'web');
      expect(formatted).toBe('web 1 0B / 0B\n');
    });

    it('docker export, then docker import from the file and from stdin', async () => {
      const tarPath = join(work, 'web.tar');
      await dockerOk('exec', 'web', 'sh', '-c', 'echo exported > /root/note');
      expect(await dockerOk('export', '-o', tarPath, 'web')).toBe('');
      const entries = new Map(readTar(readFileSync(tarPath)).map((e) => [e.path, e]));
      expect(new TextDecoder().decode(entries.get('root/note')!.content)).toBe('exported\n');
      expect(entries.get('etc/hosts')!.content!.length).toBe(0);
      expect(entries.has('.dockerenv')).toBe(true);

      const id = (await dockerOk('import', '-c', 'CMD ["cat", "/root/note"]', tarPath, 'imported:v1')).trim();
      expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await dockerOk('image', 'inspect', '-f', '{{json .Config.Cmd}} {{.Comment}}', 'imported:v1')).toBe(
        '["cat","/root/note"] Imported from -\n',
      );
      expect(await dockerOk('run', '--rm', 'imported:v1')).toBe('exported\n');

      const piped = await run(
        'sh',
        ['-c', `timeout -s KILL 60 docker import -m 'from a pipe' - piped < '${tarPath}'`],
        env(),
      );
      expect(piped.code).toBe(0);
      expect(await dockerOk('history', '--format', '{{.Comment}}', 'piped')).toBe('from a pipe\n');
    });

    it('docker stats of a stopped container: zeros', async () => {
      await dockerOk('update', '--restart', 'no', 'web');
      await dockerOk('stop', '-t', '0', 'web');
      const row = await dockerOk('stats', '--no-stream', '--format', '{{.CPUPerc}} {{.MemUsage}} {{.PIDs}}', 'web');
      expect(row).toBe('0.00% 0B / 0B 0\n');
    });
  },
);
