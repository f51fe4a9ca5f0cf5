import { describe, expect, it } from 'vitest';
import { createDaemon } from '../../engine/daemon';
import { ImageStore } from '../../engine/daemon/image-store';
import { createWorldRegistries } from '../../engine/world/registries';
import { SimulatedClock } from '../../engine/runtime/clock';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { readBody, type Handler, type WireRequest } from '../../engine/wire/message';
import { Trace } from '../trace/trace';
import type { Endpoint } from '../trace/types';
import { Network, NetworkError } from './network';
import { Topology } from './topology';
import { networkTransport, worldAddresses } from './transport';

const client: Endpoint = { host: 'laptop', role: 'client' };
const daemon: Endpoint = { host: 'laptop', role: 'daemon' };

async function world() {
  const clock = new SimulatedClock(Date.UTC(2025, 2, 1, 9, 0, 0));
  const trace = new Trace();
  const topology = new Topology();
  for (const host of ['docker.io', 'auth.docker.io', 'registry.example.com']) topology.link('laptop', host, 40);
  const network = new Network(topology, clock, trace);
  const registries = await createWorldRegistries();
  const hub = registries.hosts.get('registry-1.docker.io')!;
  network.attach({ host: 'docker.io', role: 'registry' }, hub);
  network.attach({ host: 'auth.docker.io', role: 'auth' }, registries.hosts.get('auth.docker.io')!);
  const store = await ImageStore.open(new MemoryBlobStore());
  let command = 0;
  const laptopDaemon: Handler = createDaemon({
    store,
    transport: networkTransport(network, daemon, worldAddresses, () => command),
    now: () => clock.now(),
  });
  network.attach(daemon, laptopDaemon);
  const run = async (request: WireRequest) => {
    command++;
    const exchange = network
      .send({ from: client, to: daemon, request, command })
      .then(async (r) => ({ status: r.status, body: await readBody(r.body) }));
    return clock.runUntil(exchange);
  };
  return { clock, trace, topology, network, run, store, command: () => command };
}

const pull = (image: string): WireRequest => ({
  method: 'POST',
  url: `/v1.50/images/create?fromImage=${encodeURIComponent(`docker.io/library/${image}`)}&tag=latest`,
  headers: { 'X-Registry-Auth': 'e30=' },
});

// A world takes a few seconds to build on a loaded machine.
describe('the network', { timeout: 30_000 }, () => {
  it('carries a pull as the real daemon makes it, each leg taking the link latency', async () => {
    const w = await world();
    const started = w.clock.now();
    const res = await w.run(pull('hello-world'));
    expect(res.status).toBe(200);
    const lines = w.trace
      .ofCommand(1)
      .filter((e) => e.kind !== 'event')
      .map((e) =>
        e.kind === 'request'
          ? `${e.from.host} → ${e.to.host}: ${e.summary}`
          : `${e.from.host} → ${e.to.host}: ${e.summary}`,
      );
    expect(lines.filter((l) => !l.startsWith('laptop → laptop: 200')).slice(0, 6)).toEqual([
      'laptop → laptop: POST /v1.50/images/create?fromImage=docker.io%2Flibrary%2Fhello-world&tag=latest',
      'laptop → docker.io: GET /v2/',
      'docker.io → laptop: 401 UNAUTHORIZED',
      expect.stringMatching(/^laptop → auth\.docker\.io: GET \/token\?/),
      expect.stringMatching(/^auth\.docker\.io → laptop: 200/),
      expect.stringMatching(/^laptop → docker\.io: (GET|HEAD) \/v2\/library\/hello-world\/manifests\/latest$/),
    ]);
    // The daemon's answer is a stream of progress; the registry traffic goes on while it streams.
    expect(lines).toContain('laptop → laptop: 200 OK (stream)');
    expect(lines.at(-1)).not.toBe('laptop → laptop: 200 OK (stream)');
    // Every registry leg took 40 ms of virtual time; the whole pull took at least 4 round trips.
    expect(w.clock.now() - started).toBeGreaterThanOrEqual(4 * 80);
  });

  it('makes no registry traffic when the image is already there', async () => {
    const w = await world();
    await w.run(pull('hello-world'));
    await w.run({ method: 'GET', url: '/v1.50/images/hello-world/json', headers: {} });
    const hosts = new Set(w.trace.ofCommand(2).flatMap((e) => (e.kind === 'request' ? [e.to.host] : [])));
    expect([...hosts]).toEqual(['laptop']);
  });

  it('refuses connections to a host that is down, and recovers when it is back', async () => {
    const w = await world();
    w.topology.setHostUp('docker.io', false);
    const failed = await w.run(pull('alpine'));
    const text = new TextDecoder().decode(failed.body);
    expect(text).toContain('connection refused');
    expect(w.trace.ofCommand(1).some((e) => e.kind === 'failure' && e.summary === 'connection refused')).toBe(true);
    w.topology.setHostUp('docker.io', true);
    const ok = await w.run(pull('alpine'));
    expect(new TextDecoder().decode(ok.body)).toContain('Status: Downloaded newer image for alpine:latest');
  });

  it('times out on a cut link after the dial timeout', async () => {
    const w = await world();
    w.topology.setLinkUp('laptop', 'docker.io', false);
    const before = w.clock.now();
    const res = await w.run(pull('alpine'));
    expect(new TextDecoder().decode(res.body)).toMatch(/i\/o timeout/);
    expect(w.clock.now() - before).toBeGreaterThanOrEqual(30_000);
  });

  it('rejects an unknown host', async () => {
    const w = await world();
    await expect(
      w.network.send({ from: client, to: { host: 'nowhere', role: 'daemon' }, request: pull('x') }),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it('gives the same trace for the same commands (determinism)', async () => {
    const summarise = async () => {
      const w = await world();
      await w.run(pull('alpine'));
      await w.run(pull('nginx'));
      return w.trace.entries().map((e) => `${e.time} ${e.kind} ${'summary' in e ? e.summary : ''}`);
    };
    expect(await summarise()).toEqual(await summarise());
  });
});
