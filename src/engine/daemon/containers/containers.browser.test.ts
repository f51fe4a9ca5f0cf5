// Containers in Chromium: `docker run` through the Engine API, with the real simulated runtime,
// answers exactly as in Node — the same output, framing, exit code and seeded IDs.
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../runtime/clock';
import { readBody } from '../../wire/message';
import { call, memoryStore } from '../daemon.fixture';
import { daemonContext, daemonHandler } from '../daemon';
import { loadCatalogueImage } from './catalogue-images.fixture';
import { seededIds } from './ids';
import { unframe } from './stdcopy';

describe('containers in the browser', () => {
  it('create → attach → wait → start on alpine: output framed, exit code 3', async () => {
    const clock = new SimulatedClock(Date.UTC(2025, 0, 1));
    const { store } = await memoryStore(() => clock.now());
    await loadCatalogueImage(store, 'alpine');
    const ctx = daemonContext({
      store,
      transport: async () => ({ status: 404, headers: {} }),
      now: () => clock.now(),
      containers: { clock, ids: seededIds('browser') },
    });
    const handler = daemonHandler(ctx);
    const created = await call(
      handler,
      'POST',
      '/v1.50/containers/create?name=demo',
      JSON.stringify({ Image: 'alpine', Cmd: ['sh', '-c', 'echo hi; hostname; exit 3'] }),
    );
    const id = (created.json as { Id: string }).Id;
    const expected = seededIds('browser');
    expected.nextId(); // the default bridge's network ID is drawn first
    expect(id).toBe(expected.nextId());
    const attach = await handler({
      method: 'POST',
      url: `/containers/${id}/attach?stream=1&stdout=1&stderr=1`,
      headers: { Upgrade: 'tcp' },
    });
    const wait = handler({ method: 'POST', url: `/containers/${id}/wait?condition=next-exit`, headers: {} });
    expect((await call(handler, 'POST', `/containers/${id}/start`)).status).toBe(204);
    const frames = unframe(await clock.runUntil(readBody(attach.body)));
    expect(
      frames
        .map((f) => [f.stream, new TextDecoder().decode(f.payload)])
        .flatMap(([s, t]) => t!.split(/(?<=\n)/).map((l) => [s, l])),
    ).toEqual([
      ['stdout', 'hi\n'],
      ['stdout', `${id.slice(0, 12)}\n`],
    ]);
    expect(new TextDecoder().decode(await readBody((await wait).body))).toBe('{"StatusCode":3}\n');
  });
});
