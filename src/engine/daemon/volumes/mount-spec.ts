// What a container asks to have mounted, read from its create request the way moby's Linux mount
// parser reads it (volume/mounts/linux_parser.go), all checked before anything is made:
//
//   HostConfig.Binds    `-v name:/data[:ro]` (a volume), `-v /host/dir:/site[:ro]` (a bind mount);
//                       a missing host directory is created at start
//   HostConfig.Mounts   `--mount type=volume|bind|tmpfs,source=…,target=…,readonly,volume-nocopy`;
//                       a missing bind source is an error: `invalid mount config for type "bind":
//                       bind source path does not exist: /x`
//   HostConfig.Tmpfs    `--tmpfs /run:size=64m`: memory, empty at every start
//   Config.Volumes      the image's `VOLUME`s and `-v /path`: an anonymous volume each, unless
//                       something else is mounted there
//
// Two mounts at one place are `Duplicate mount point: /data`.
import { DaemonError } from '../api/errors';
import type { HostPaths } from './host-paths';
import { cleanPath } from './mount-fs';
import { validateVolumeName } from './volume';

export interface MountSpec {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name (empty: a new anonymous volume), host path, or empty for tmpfs. */
  source: string;
  destination: string;
  rw: boolean;
  /** The mode string as inspect shows it (`z`, `ro`, ``). */
  mode: string;
  /** `rprivate` for binds, empty otherwise. */
  propagation: string;
  /** Do not copy the image's files into an empty volume (`nocopy`, `volume-nocopy`). */
  noCopy: boolean;
  /** From Binds (`-v`): a missing host directory is created. */
  createHostPath: boolean;
  /** Listed in inspect's Mounts (HostConfig.Tmpfs entries are not). */
  listed: boolean;
  /** Labels for a volume this mount creates (`volume-label`). */
  labels?: Record<string, string>;
}

const MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave']);

function invalidMount(type: string, detail: string): DaemonError {
  return DaemonError.invalidParameter(`invalid mount config for type "${type}": ${detail}`);
}

function checkTarget(type: string, target: string): string {
  if (target === '') throw invalidMount(type, 'field Target must not be empty');
  if (!target.startsWith('/')) throw invalidMount(type, `invalid mount path: '${target}' mount path must be absolute`);
  if (cleanPath(target) === '/') throw invalidMount(type, "invalid specification: destination can't be '/'");
  return cleanPath(target);
}

/** One `-v` entry of HostConfig.Binds. */
export function parseBind(spec: string): MountSpec {
  const parts = spec.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw DaemonError.invalidParameter(`invalid volume specification: '${spec}'`);
  }
  const [source, target, modeText = ''] = parts as [string, string, string?];
  const modes = modeText === '' ? [] : modeText.split(',');
  if (modes.some((m) => !MODES.has(m))) throw DaemonError.invalidParameter(`invalid mode: ${modeText}`);
  const bind = source.startsWith('/');
  if (!target.startsWith('/')) throw DaemonError.invalidParameter(`invalid volume specification: '${spec}'`);
  if (!bind) validateVolumeName(source);
  if (bind && modes.includes('nocopy')) throw DaemonError.invalidParameter(`invalid mode: ${modeText}`);
  return {
    type: bind ? 'bind' : 'volume',
    source: bind ? cleanPath(source) : source,
    destination: cleanPath(target),
    rw: !modes.includes('ro'),
    mode: modeText === '' && !bind ? 'z' : modeText,
    propagation: bind
      ? (modes.find((m) => m.includes('private') || m.includes('shared') || m.includes('slave')) ?? 'rprivate')
      : '',
    noCopy: modes.includes('nocopy'),
    createHostPath: bind,
    listed: true,
  };
}

/** One `--mount` entry of HostConfig.Mounts (moby mount.Mount). */
export function parseMount(raw: unknown, host: HostPaths): MountSpec {
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const type = typeof m.Type === 'string' ? m.Type : '';
  const source = typeof m.Source === 'string' ? m.Source : '';
  const readOnly = m.ReadOnly === true;
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') {
    throw invalidMount(type, 'mount type unknown');
  }
  const target = checkTarget(type, typeof m.Target === 'string' ? m.Target : '');
  const volumeOptions = m.VolumeOptions as { NoCopy?: boolean; Labels?: Record<string, string> } | undefined | null;
  if (type === 'bind') {
    if (volumeOptions) throw invalidMount(type, 'field VolumeOptions must not be specified');
    if (m.TmpfsOptions) throw invalidMount(type, 'field TmpfsOptions must not be specified');
    if (source === '') throw invalidMount(type, 'field Source must not be empty');
    if (!source.startsWith('/'))
      throw invalidMount(type, `invalid mount path: '${source}' mount path must be absolute`);
    const create = (m.BindOptions as { CreateMountpoint?: boolean } | undefined)?.CreateMountpoint === true;
    if (!create && host.stat(cleanPath(source)) === undefined) {
      throw invalidMount(type, `bind source path does not exist: ${source}`);
    }
    const propagation = (m.BindOptions as { Propagation?: string } | undefined)?.Propagation || 'rprivate';
    return {
      type,
      source: cleanPath(source),
      destination: target,
      rw: !readOnly,
      mode: '',
      propagation,
      noCopy: false,
      createHostPath: create,
      listed: true,
    };
  }
  if (type === 'tmpfs') {
    if (source !== '') throw invalidMount(type, 'field Source must not be specified');
    if (volumeOptions) throw invalidMount(type, 'field VolumeOptions must not be specified');
    return {
      type,
      source: '',
      destination: target,
      rw: !readOnly,
      mode: '',
      propagation: '',
      noCopy: false,
      createHostPath: false,
      listed: true,
    };
  }
  if (m.TmpfsOptions) throw invalidMount(type, 'field TmpfsOptions must not be specified');
  if (source !== '') validateVolumeName(source);
  return {
    type,
    source,
    destination: target,
    rw: !readOnly,
    mode: '',
    propagation: '',
    noCopy: volumeOptions?.NoCopy === true,
    createHostPath: false,
    listed: true,
    ...(volumeOptions?.Labels ? { labels: { ...volumeOptions.Labels } } : {}),
  };
}

/** Everything a create request mounts, by destination; Binds and Mounts win over Config.Volumes. */
export function mountSpecs(
  hostConfig: Record<string, unknown>,
  configVolumes: Record<string, unknown> | null | undefined,
  host: HostPaths,
): MountSpec[] {
  const out = new Map<string, MountSpec>();
  const add = (spec: MountSpec) => {
    if (out.has(spec.destination)) throw DaemonError.invalidParameter(`Duplicate mount point: ${spec.destination}`);
    out.set(spec.destination, spec);
  };
  const binds = Array.isArray(hostConfig.Binds) ? (hostConfig.Binds as unknown[]) : [];
  for (const bind of binds) if (typeof bind === 'string') add(parseBind(bind));
  const mounts = Array.isArray(hostConfig.Mounts) ? (hostConfig.Mounts as unknown[]) : [];
  for (const mount of mounts) add(parseMount(mount, host));
  const tmpfs = (hostConfig.Tmpfs ?? {}) as Record<string, unknown>;
  for (const target of Object.keys(tmpfs)) {
    add({
      type: 'tmpfs',
      source: '',
      destination: checkTarget('tmpfs', target),
      rw: true,
      mode: '',
      propagation: '',
      noCopy: false,
      createHostPath: false,
      listed: false,
    });
  }
  for (const target of Object.keys(configVolumes ?? {})) {
    const destination = cleanPath(target);
    if (out.has(destination)) continue;
    out.set(destination, {
      type: 'volume',
      source: '',
      destination,
      rw: true,
      mode: '',
      propagation: '',
      noCopy: false,
      createHostPath: false,
      listed: true,
    });
  }
  return [...out.values()];
}
