// One machine's Docker host as the stage draws it: the daemon's image store (images as stacks of
// layers, a layer kept once however many images stack it — overlay2's layer store, keyed by chain
// ID), its containers with the state and STATUS words `docker ps` uses, and its networks and
// volumes. Images and containers are read from the daemon's stores directly; networks and volumes
// through the daemon's own handler (`GET /networks`, `GET /volumes`), called in process and never
// over the world's network, so looking adds nothing to the trace.
import type { HostDaemon } from '../world/daemons';
import { familiar } from '../../engine/daemon/api/image-summary';
import { containerSummary } from '../../engine/daemon/containers/summary';
import { statusText } from '../../engine/daemon/containers/state';
import { commandText } from '../../engine/daemon/containers/merge-config';
import type { Container } from '../../engine/daemon/containers/container';
import type { ImageRecord } from '../../engine/daemon/image-store';
import { fromUtf8 } from '../../engine/bytes';
import { readBody } from '../../engine/wire/message';
import type { ContainerView, ImageView, NetworkView, VolumeView } from './types';

/** Every image of the store, newest first as `docker images` lists them, with sharing worked out. */
export function imagesOf(daemon: HostDaemon): ImageView[] {
  const images = daemon.store.list();
  const holders = new Map<string, string[]>();
  for (const image of images)
    for (const layer of image.layers) holders.set(layer.chainId, [...(holders.get(layer.chainId) ?? []), image.id]);
  return images
    .map((image) => imageView(daemon, image, holders))
    .sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
}

function imageView(daemon: HostDaemon, image: ImageRecord, holders: Map<string, string[]>): ImageView {
  return {
    id: image.id,
    repoTags: image.repoTags.map(familiar),
    repoDigests: image.repoDigests.map(familiar),
    size: image.size,
    created: image.config.created ?? '',
    layers: image.layers.map((layer) => {
      const digest = daemon.store.blobSources(layer.diffId)[0]?.digest;
      return {
        diffId: layer.diffId,
        chainId: layer.chainId,
        size: layer.size,
        ...(digest ? { digest } : {}),
        sharedWith: (holders.get(layer.chainId) ?? []).filter((id) => id !== image.id),
      };
    }),
  };
}

/** Every container, newest first as `docker ps -a` lists them. */
export function containersOfHost(daemon: HostDaemon): ContainerView[] {
  const service = daemon.ctx.containers;
  if (!service) return [];
  const names = new Map<string, string | undefined>();
  return service.store
    .list()
    .map((c) => containerView(c, containerSummary(service, c, false, names), service.now()))
    .sort((a, b) => b.created - a.created || a.view.id.localeCompare(b.view.id))
    .map((c) => c.view);
}

interface SummaryPort {
  PrivatePort?: number;
  PublicPort?: number;
  Type?: string;
}

/** A container from the daemon's record and its `docker ps` row (image column, ports, addresses). */
function containerView(
  c: Container,
  summary: Record<string, unknown>,
  now: number,
): { created: number; view: ContainerView } {
  const running = c.state.running;
  const ports = Array.isArray(summary.Ports) ? (summary.Ports as SummaryPort[]) : [];
  const networks = (summary.NetworkSettings as { Networks?: Record<string, { IPAddress?: string }> } | undefined)
    ?.Networks;
  const ip = Object.values(networks ?? {}).find((n) => n.IPAddress)?.IPAddress;
  const view: ContainerView = {
    id: c.id,
    name: c.shortName,
    image: String(summary.Image),
    imageId: c.imageId,
    command: commandText(c.path, c.args),
    state: c.status,
    status: statusText(c.state, now),
    exitCode: c.state.exitCode,
    hostname: c.hostname,
    ports: ports.map((p) => `${p.PublicPort ? `${p.PublicPort}->` : ''}${p.PrivatePort}/${p.Type ?? 'tcp'}`),
    mounts: mountsOf(c.hostConfig.raw),
  };
  if (running && c.state.pid > 0) view.pid = c.state.pid;
  if (running && ip) view.ip = ip;
  return { created: c.created, view };
}

/** `-v` binds and `--mount`s as the client sent them, one text each. */
function mountsOf(raw: Record<string, unknown>): string[] {
  const binds = Array.isArray(raw.Binds) ? raw.Binds.filter((b): b is string => typeof b === 'string') : [];
  const mounts = Array.isArray(raw.Mounts)
    ? raw.Mounts.flatMap((m: unknown) => {
        if (typeof m !== 'object' || m === null) return [];
        const { Source, Target } = m as { Source?: unknown; Target?: unknown };
        return typeof Target === 'string' ? [`${typeof Source === 'string' ? Source : ''}:${Target}`] : [];
      })
    : [];
  return [...binds, ...mounts];
}

/** Ask the daemon's handler directly (untraced); undefined unless it answers 200 with JSON. */
async function askDaemon(daemon: HostDaemon, path: string): Promise<unknown> {
  try {
    const response = await daemon.handler({ method: 'GET', url: `/v1.50${path}`, headers: {} });
    if (response.status !== 200) return undefined;
    return JSON.parse(fromUtf8(await readBody(response.body))) as unknown;
  } catch {
    return undefined;
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `docker network ls`, or nothing when this daemon has no networks API yet. */
export async function networksOf(daemon: HostDaemon): Promise<NetworkView[]> {
  const body = await askDaemon(daemon, '/networks');
  if (!Array.isArray(body)) return [];
  return body
    .filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null)
    .map((n) => ({
      id: text(n.Id),
      name: text(n.Name),
      driver: text(n.Driver),
      scope: text(n.Scope),
      containers: typeof n.Containers === 'object' && n.Containers !== null ? Object.keys(n.Containers).sort() : [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `docker volume ls`, or nothing when this daemon has no volumes API yet. */
export async function volumesOf(daemon: HostDaemon): Promise<VolumeView[]> {
  const body = (await askDaemon(daemon, '/volumes')) as { Volumes?: unknown } | undefined;
  if (!body || !Array.isArray(body.Volumes)) return [];
  return body.Volumes.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    .map((v) => ({ name: text(v.Name), driver: text(v.Driver), mountpoint: text(v.Mountpoint) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
