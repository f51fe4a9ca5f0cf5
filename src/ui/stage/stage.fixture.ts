// Worlds as data for the stage's tests and bench: a fresh world, and a busy one — many images
// stacking shared base layers, containers in every state, networks, volumes, a hub full of tags.
import type { ContainerState, HostView, ImageView, RegistryView, WorldView } from '../../actors/view/types';

const hex = (n: number, seed: string) => {
  let h = 2166136261;
  for (const c of `${seed}:${n}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `${h.toString(16).padStart(8, '0')}`.repeat(8);
};
export const digest = (n: number, seed = 'd') => `sha256:${hex(n, seed)}`;

const STATES: ContainerState[] = ['running', 'exited', 'created', 'paused', 'restarting', 'dead', 'removing'];

/** `images` images over `bases` base layers; image i stacks base (i % bases) then i % 4 + 1 own layers. */
export function busyHost(name: string, images: number, containers: number, bases = 3): HostView {
  const imageViews: ImageView[] = [];
  for (let i = 0; i < images; i++) {
    const base = i % bases;
    const own = (i % 4) + 1 + (i === 0 ? 14 : 0);
    const layers = [
      {
        diffId: digest(base, 'base'),
        chainId: digest(base, 'chain-base'),
        size: 1000,
        digest: digest(base, 'blob'),
        sharedWith: [] as string[],
      },
      ...Array.from({ length: own }, (_, j) => ({
        diffId: digest(i * 100 + j, `own-${name}`),
        chainId: digest(i * 100 + j, `chain-${name}`),
        size: 10 * (j + 1),
        sharedWith: [] as string[],
      })),
    ];
    imageViews.push({
      id: digest(i, `image-${name}`),
      repoTags: [`app-${i}:v${i}`],
      repoDigests: [],
      size: layers.reduce((s, l) => s + l.size, 0),
      created: `2025-03-01T09:${String(i % 60).padStart(2, '0')}:00Z`,
      layers,
    });
  }
  for (const image of imageViews) {
    const base = image.layers[0]!;
    base.sharedWith = imageViews.filter((o) => o !== image && o.layers[0]!.chainId === base.chainId).map((o) => o.id);
  }
  return {
    name,
    up: true,
    daemonUp: true,
    images: imageViews,
    containers: Array.from({ length: containers }, (_, i) => ({
      id: hex(i, `container-${name}`),
      name: `container_${i}`,
      image: `app-${i % Math.max(1, images)}:v${i % Math.max(1, images)}`,
      imageId: imageViews[i % Math.max(1, images)]?.id ?? '',
      command: '/bin/sh',
      state: STATES[i % STATES.length]!,
      status: i % STATES.length === 0 ? 'Up 5 minutes' : 'Exited (0) 3 seconds ago',
      exitCode: 0,
      hostname: hex(i, `container-${name}`).slice(0, 12),
      ports: [],
      mounts: [],
    })),
    networks: ['bridge', 'host', 'none', 'backend'].map((n, i) => ({
      id: digest(i, `net-${name}`),
      name: n,
      driver: 'bridge',
      scope: 'local',
      containers: [],
    })),
    volumes: ['data', 'cache'].map((v) => ({
      name: v,
      driver: 'local',
      mountpoint: `/var/lib/docker/volumes/${v}/_data`,
    })),
  };
}

export function busyRegistry(name: string, repositories: number, tagsEach: number): RegistryView {
  return {
    name,
    up: true,
    repositories: Array.from({ length: repositories }, (_, i) => ({
      name: `library/repository-${String(i).padStart(2, '0')}`,
      blobs: 3,
      manifests: 2,
      tags: Array.from({ length: tagsEach }, (_, j) => ({
        tag: j === 0 ? 'latest' : `1.${j}.${i}`,
        digest: digest(i * 100 + j, name),
        mediaType: 'application/vnd.oci.image.index.v1+json',
        layers: 2,
        size: 4000,
        platforms: ['linux/amd64'],
      })),
    })),
  };
}

const LINKS = [
  ['laptop', 'cloud-vm', 25],
  ['laptop', 'onprem-1', 8],
  ['cloud-vm', 'onprem-1', 30],
  ...['laptop', 'cloud-vm', 'onprem-1'].flatMap((m) =>
    ['docker.io', 'registry.example.com', 'cr.example.net'].map((r) => [m, r, 10] as const),
  ),
] as const;

export function busyView(): WorldView {
  return {
    time: Date.UTC(2025, 2, 1, 9, 30),
    seq: 500,
    hosts: [busyHost('laptop', 30, 40), busyHost('cloud-vm', 12, 20), busyHost('onprem-1', 2, 3)],
    registries: [
      busyRegistry('docker.io', 30, 12),
      busyRegistry('registry.example.com', 9, 4),
      busyRegistry('cr.example.net', 1, 1),
    ],
    links: LINKS.map(([a, b, latencyMs]) => ({ a, b, up: true, latencyMs })),
    terminals: [
      { name: 'laptop', host: 'laptop', daemon: 'laptop', busy: false },
      { name: 'cloud-vm', host: 'cloud-vm', daemon: 'cloud-vm', busy: false },
    ],
  };
}

export function emptyView(): WorldView {
  const view = busyView();
  return {
    ...view,
    hosts: view.hosts.map((h) => ({ ...h, images: [], containers: [], networks: [], volumes: [] })),
    registries: view.registries.map((r) => ({ ...r, repositories: [] })),
    terminals: [view.terminals[0]!],
  };
}
