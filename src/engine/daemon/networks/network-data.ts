// Networks and volumes as data, to keep a daemon's host across a reload (the world snapshot):
// the user-defined networks with their settings and address blocks — the predefined three are
// made again by every daemon, with the same IDs for the same seed — and the volumes with their
// metadata, each volume's files as one tar blob in the content store (named by its digest).
// Endpoints and published ports are not kept: they belong to running containers.
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { readTar } from '../../layer/tar-read';
import { writeTar } from '../../layer/tar-write';
import { snapshotFromEntries } from '../../layer/snapshot';
import { snapshotToEntries } from '../../layer/snapshot-entries';
import { Volume } from '../volumes/volume';
import type { VolumeService } from '../volumes/volume-service';
import { parseIpv4, parsePrefix } from './cidr';
import { AddressPool, type IpamConfigEntry } from './ipam';
import { Network, type NetworkDriver } from './network';
import type { NetworkService } from './network-service';

export interface NetworkData {
  id: string;
  name: string;
  driver: NetworkDriver;
  created: number;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  ipamConfig: IpamConfigEntry[];
  userSubnet: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv6: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
}

export interface VolumeData {
  name: string;
  createdAt: number;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** The tar of its files, in the content store. */
  content: Digest;
}

/** The user-defined networks, oldest first. */
export function networksToData(networks: NetworkService): NetworkData[] {
  return networks
    .all()
    .filter((n) => !n.predefined)
    .map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      created: n.created,
      ipamDriver: n.ipamDriver,
      ipamOptions: n.ipamOptions,
      ipamConfig: n.ipamConfig.map((c) => ({ ...c })),
      userSubnet: n.userSubnet,
      internal: n.internal,
      attachable: n.attachable,
      ingress: n.ingress,
      enableIPv6: n.enableIPv6,
      options: { ...n.options },
      labels: { ...n.labels },
    }));
}

/** Put saved networks back into a fresh daemon (no events: nothing happened, it was remembered). */
export function networksFromData(networks: NetworkService, data: readonly NetworkData[]): void {
  for (const n of data) {
    const config = n.ipamConfig[0];
    const subnet = config?.Subnet ? parsePrefix(config.Subnet) : undefined;
    const pool =
      subnet === undefined
        ? undefined
        : new AddressPool(
            subnet,
            config?.Gateway ? parseIpv4(config.Gateway) : undefined,
            config?.IPRange ? parsePrefix(config.IPRange) : undefined,
          );
    networks.add(
      new Network({
        ...n,
        predefined: false,
        ipamConfig: n.ipamConfig.map((c) => ({ ...c })),
        ...(pool ? { pool } : {}),
      }),
    );
  }
}

/** Every volume, its files stored through `put` (a content store's put: bytes → digest). */
export async function volumesToData(
  volumes: VolumeService,
  put: (bytes: Bytes) => Promise<Digest>,
): Promise<VolumeData[]> {
  const out: VolumeData[] = [];
  for (const v of volumes.all()) {
    const content = await put(writeTar(snapshotToEntries(v.data.snapshot())));
    out.push({ name: v.name, createdAt: v.createdAt, labels: v.labels, options: v.options, content });
  }
  return out;
}

/** Put saved volumes back, their files read through `get`; a missing blob is an error. */
export async function volumesFromData(
  volumes: VolumeService,
  data: readonly VolumeData[],
  get: (digest: Digest) => Promise<Bytes | undefined>,
  now: () => number,
): Promise<void> {
  for (const v of data) {
    const tar = await get(v.content);
    if (tar === undefined) throw new Error(`volume ${v.name}: blob ${v.content} is missing from the content store`);
    const content = snapshotFromEntries(readTar(tar));
    volumes.add(
      new Volume({ name: v.name, createdAt: v.createdAt, labels: v.labels, options: v.options, content }, now),
    );
  }
}
