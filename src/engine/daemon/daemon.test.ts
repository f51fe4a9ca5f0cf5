// The whole daemon as one handler: every route table mounted, one context shared, the daemon's
// own events and store visible to whoever created it.
import { describe, expect, it } from 'vitest';
import { addImage, baseLayer, call, memoryStore } from './daemon.fixture';
import { createDaemon, daemonContext, daemonHandler } from './daemon';
import { EventLog } from './events';

const refuse = async (host: string) => {
  throw new Error(`no registry here: ${host}`);
};

describe('createDaemon', () => {
  it('serves system, local image, distribution and container routes', async () => {
    const { store } = await memoryStore();
    const image = await addImage(store, [baseLayer], { tags: ['base:1'] });
    const daemon = createDaemon({ store, transport: refuse, now: () => Date.UTC(2025, 0, 1) });
    expect((await call(daemon, 'HEAD', '/_ping')).status).toBe(200);
    expect(((await call(daemon, 'GET', '/v1.50/images/json')).json as { Id: string }[]).map((i) => i.Id)).toEqual([
      image.id,
    ]);
    const pull = await call(daemon, 'POST', '/v1.50/images/create?fromImage=Bad');
    expect(pull.status).toBe(400);
    expect((await call(daemon, 'GET', '/v1.50/containers/json')).json).toEqual([]);
    expect((await call(daemon, 'GET', '/v1.50/swarm')).json).toEqual({ message: 'page not found' });
  });

  it('shares its context with the caller', async () => {
    const { store } = await memoryStore();
    const events = new EventLog(() => 0);
    const ctx = daemonContext({
      store,
      transport: refuse,
      events,
      host: { ...daemonContext({ store, transport: refuse }).host, name: 'cloud-vm' },
    });
    expect(ctx.events).toBe(events);
    expect(ctx.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    const daemon = daemonHandler(ctx);
    expect((await call(daemon, 'GET', '/info')).json).toMatchObject({ Name: 'cloud-vm' });
    const image = await addImage(store, [baseLayer]);
    await call(daemon, 'POST', `/images/${image.id}/tag?repo=x&tag=1`);
    expect(events.history().map((e) => e.Action)).toEqual(['tag']);
  });
});
