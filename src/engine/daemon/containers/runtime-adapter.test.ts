// The daemon over the real simulated runtime (src/engine/runtime) through the adapter: official
// images, real shells and applets, namespaces as the container sees them.
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../runtime/clock';
import { readBody } from '../../wire/message';
import { call, memoryStore } from '../daemon.fixture';
import { daemonContext, daemonHandler } from '../daemon';
import { loadCatalogueImage } from './catalogue-images.fixture';
import { readStreams } from './containers.fixture';
import { seededIds } from './ids';
import { SimulatedRuntime } from './runtime-adapter';

async function daemon() {
  const clock = new SimulatedClock(Date.UTC(2025, 0, 1));
  const { store } = await memoryStore(() => clock.now());
  await loadCatalogueImage(store, 'alpine');
  const ctx = daemonContext({
    store,
    transport: async () => {
      throw new Error('no registry');
    },
    now: () => clock.now(),
    containers: { runtime: new SimulatedRuntime(), clock, ids: seededIds('adapter') },
  });
  const handler = daemonHandler(ctx);
  const api = (method: string, url: string, body?: unknown) =>
    call(handler, method, url, body === undefined ? undefined : JSON.stringify(body));
  /** `docker run` (attached, no TTY unless asked): stdout, stderr and the exit code. */
  const run = async (cmd: string[], extra: Record<string, unknown> = {}) => {
    const created = await api('POST', '/containers/create', {
      Image: 'alpine',
      Cmd: cmd,
      AttachStdout: true,
      AttachStderr: true,
      ...extra,
    });
    const id = (created.json as { Id: string }).Id;
    const attach = await handler({
      method: 'POST',
      url: `/containers/${id}/attach?stream=1&stdout=1&stderr=1`,
      headers: { Upgrade: 'tcp' },
    });
    const wait = handler({ method: 'POST', url: `/containers/${id}/wait?condition=next-exit`, headers: {} });
    const start = await api('POST', `/containers/${id}/start`);
    if (start.status !== 204) return { id, start, stdout: '', stderr: '', code: -1 };
    const out = await clock.runUntil(readStreams(attach, !extra.Tty));
    const code = (JSON.parse(new TextDecoder().decode(await readBody((await wait).body))) as { StatusCode: number })
      .StatusCode;
    return { id, start, ...out, code };
  };
  return { ctx, handler, api, run, clock };
}

describe('the runtime adapter', () => {
  it('sh -c with output on both streams and an exit code', async () => {
    const d = await daemon();
    const r = await d.run(['sh', '-c', 'echo hi; echo oops >&2; exit 3']);
    expect(r).toMatchObject({ stdout: 'hi\n', stderr: 'oops\n', code: 3 });
  });

  it('a missing command: Docker words and 127', async () => {
    const d = await daemon();
    const r = await d.run(['nope']);
    expect(r.start.status).toBe(400);
    expect((r.start.json as { message: string }).message).toMatch(
      /error during container init: exec: "nope": executable file not found in \$PATH$/,
    );
  });

  it('namespaces: hostname = short ID, /etc/hosts with the address, PID 1 inside', async () => {
    const d = await daemon();
    const r = await d.run(['sh', '-c', 'hostname; tail -n 1 /etc/hosts']);
    expect(r.stdout).toBe(`${r.id.slice(0, 12)}\n172.17.0.2\t${r.id.slice(0, 12)}\n`);
  });

  it('docker run -it alpine sh: the prompt, the typed line echoed, its output, the exit code', async () => {
    const d = await daemon();
    const created = await d.api('POST', '/containers/create', {
      Image: 'alpine',
      Cmd: ['sh'],
      Tty: true,
      OpenStdin: true,
      StdinOnce: true,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
    });
    const id = (created.json as { Id: string }).Id;
    let screen = '';
    const waiting: { count: number; resolve: () => void }[] = [];
    const prompts = (count: number) => new Promise<void>((resolve) => waiting.push({ count, resolve }));
    async function* keys() {
      // A person types once the prompt is there (earlier keys would be echoed ahead of it).
      await prompts(1);
      yield new TextEncoder().encode('echo typed\r') as never;
      await prompts(2);
      yield new TextEncoder().encode('exit 3\r') as never;
    }
    const attach = await d.handler({
      method: 'POST',
      url: `/containers/${id}/attach?stream=1&stdin=1&stdout=1&stderr=1`,
      headers: { Upgrade: 'tcp' },
      upgrade: keys(),
    });
    const wait = d.handler({ method: 'POST', url: `/containers/${id}/wait?condition=next-exit`, headers: {} });
    await d.api('POST', `/containers/${id}/start`);
    const read = (async () => {
      for await (const chunk of attach.body as AsyncIterable<Uint8Array>) {
        screen += new TextDecoder().decode(chunk);
        const shown = screen.split('/ # ').length - 1;
        for (const w of waiting) if (shown >= w.count) w.resolve();
      }
    })();
    await d.clock.runUntil(read);
    expect(screen).toBe('/ # echo typed\r\ntyped\r\n/ # exit 3\r\n');
    expect(new TextDecoder().decode(await readBody((await wait).body))).toBe('{"StatusCode":3}\n');
  });

  it('a TTY: one stream, \\r\\n line endings', async () => {
    const d = await daemon();
    const r = await d.run(['sh', '-c', 'echo hi; echo err >&2'], { Tty: true });
    expect(r.stdout).toBe('hi\r\nerr\r\n');
  });

  it('exec into a running container; top shows host PIDs; stop of sleep waits 10 s and ends in 137', async () => {
    const d = await daemon();
    const created = await d.api('POST', '/containers/create?name=web', { Image: 'alpine', Cmd: ['sleep', '1000'] });
    const id = (created.json as { Id: string }).Id;
    expect((await d.api('POST', '/containers/web/start')).status).toBe(204);
    await d.clock.advance(0);
    const execId = (
      (
        await d.api('POST', '/containers/web/exec', {
          AttachStdout: true,
          AttachStderr: true,
          Cmd: ['cat', '/etc/os-release'],
        })
      ).json as { Id: string }
    ).Id;
    const start = await d.handler({
      method: 'POST',
      url: `/exec/${execId}/start`,
      headers: { Upgrade: 'tcp' },
      body: new TextEncoder().encode('{}') as never,
    });
    expect((await d.clock.runUntil(readStreams(start, true))).stdout).toContain('Alpine Linux');
    const top = (await d.api('GET', '/containers/web/top')).json as { Processes: string[][] };
    expect(top.Processes.map((p) => p[7])).toEqual(['sleep 1000']);
    expect(Number(top.Processes[0]![1])).toBeGreaterThan(1000);
    const t0 = d.clock.now();
    await d.clock.runUntil(d.api('POST', '/containers/web/stop'));
    expect(d.clock.now() - t0).toBe(10_000);
    const state = ((await d.api('GET', `/containers/${id}/json`)).json as { State: { ExitCode: number } }).State;
    expect(state.ExitCode).toBe(137);
  });
});
