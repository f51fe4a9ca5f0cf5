// A volume (moby volume/local): a directory Docker manages under
// /var/lib/docker/volumes/<name>/_data, created by `docker volume create`, by `-v name:/path`, or
// without a name — an anonymous volume, named by 64 random hex digits — for each `VOLUME` of an
// image and each `-v /path`. Its data lives apart from any container: it survives `docker rm`,
// and a container mounting it sees what the last one left there.
//
// Names follow the local driver's rule, checked when the volume is created:
//
//   create ./site: "./site" includes invalid characters for a local volume name, only
//   "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path
import { DaemonError } from '../api/errors';
import { Overlay } from '../../layer/overlay';
import { snapshotToEntries } from '../../layer/snapshot-entries';
import { emptySnapshot, type Snapshot } from '../../layer/snapshot';

/** The label Docker 23+ puts on anonymous volumes, which `volume prune` removes by default. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The local driver's name check (moby volume/local validateName). */
export function validateVolumeName(name: string): void {
  if (!VALID_NAME.test(name)) {
    throw DaemonError.invalidParameter(
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

export interface VolumeInit {
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Null when the creator gave none (a volume made by `-v name:/path`), `{}` when it gave an empty set. */
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** The volume's files (empty for a new volume). */
  content?: Snapshot;
}

export class Volume {
  readonly name: string;
  readonly createdAt: number;
  readonly labels: Record<string, string> | null;
  readonly options: Record<string, string> | null;
  /** The files: an overlay whose upper layer takes every write. */
  data: Overlay;

  constructor(
    init: VolumeInit,
    private readonly clock: () => number,
  ) {
    this.name = init.name;
    this.createdAt = init.createdAt;
    this.labels = init.labels;
    this.options = init.options;
    this.data = this.over(init.content ?? emptySnapshot());
  }

  /** Fresh data over `content` (restore, and the copy of an image's files into an empty volume). */
  replaceContent(content: Snapshot): void {
    this.data = this.over(content);
  }

  private over(content: Snapshot): Overlay {
    return new Overlay(content, { now: () => Math.floor(this.clock() / 1000) });
  }

  get anonymous(): boolean {
    return this.labels !== null && Object.hasOwn(this.labels, ANONYMOUS_LABEL);
  }

  get mountpoint(): string {
    return `/var/lib/docker/volumes/${this.name}/_data`;
  }

  get isEmpty(): boolean {
    return this.data.readdir('/').length === 0;
  }

  /** Bytes its files take (`docker system df -v`). */
  get size(): number {
    return snapshotToEntries(this.data.snapshot()).reduce((sum, e) => sum + (e.content?.length ?? 0), 0);
  }
}
