// What a registry stores, laid out as distribution lays it out: one content-addressed blob store
// for the whole registry, and per repository only links — which blobs and manifests the repository
// may serve, and which tags point at which manifest digest. Two repositories that share a layer
// share one blob; deleting a link never deletes another repository's content.
import type { Bytes } from '../bytes';
import type { Digest } from '../digest';

/** The part of the engine's blob store contract a registry needs. */
export interface RegistryBlobs {
  get(digest: Digest): Promise<Bytes | undefined>;
  put(bytes: Uint8Array, expected?: Digest): Promise<Digest>;
}

export interface ManifestLink {
  mediaType: string;
  size: number;
}

export interface Repository {
  blobs: Set<Digest>;
  manifests: Map<Digest, ManifestLink>;
  tags: Map<string, Digest>;
}

export interface UploadSession {
  uuid: string;
  name: string;
  chunks: Bytes[];
  size: number;
  startedAt: number;
}

/** A plain-data copy of the links, for saving a registry's state (blobs are saved by the store). */
export interface RegistryStateData {
  repositories: Record<
    string,
    { blobs: string[]; manifests: Record<string, ManifestLink>; tags: Record<string, string> }
  >;
}

export class RegistryState {
  readonly repositories = new Map<string, Repository>();
  readonly uploads = new Map<string, UploadSession>();

  constructor(readonly blobs: RegistryBlobs) {}

  repository(name: string): Repository | undefined {
    return this.repositories.get(name);
  }

  /** The repository, created on first write (pushing is how a repository comes to exist). */
  ensureRepository(name: string): Repository {
    let repo = this.repositories.get(name);
    if (!repo) {
      repo = { blobs: new Set(), manifests: new Map(), tags: new Map() };
      this.repositories.set(name, repo);
    }
    return repo;
  }

  hasBlob(name: string, digest: Digest): boolean {
    return this.repositories.get(name)?.blobs.has(digest) ?? false;
  }

  /** Repositories with at least one tag or manifest, sorted, as `_catalog` lists them. */
  catalog(): string[] {
    return [...this.repositories.entries()]
      .filter(([, r]) => r.manifests.size > 0 || r.blobs.size > 0)
      .map(([n]) => n)
      .sort();
  }

  toData(): RegistryStateData {
    const repositories: RegistryStateData['repositories'] = {};
    for (const [name, r] of this.repositories) {
      repositories[name] = {
        blobs: [...r.blobs].sort(),
        manifests: Object.fromEntries([...r.manifests].sort(([a], [b]) => a.localeCompare(b))),
        tags: Object.fromEntries([...r.tags].sort(([a], [b]) => a.localeCompare(b))),
      };
    }
    return { repositories };
  }

  static fromData(blobs: RegistryBlobs, data: RegistryStateData): RegistryState {
    const state = new RegistryState(blobs);
    for (const [name, r] of Object.entries(data.repositories)) {
      state.repositories.set(name, {
        blobs: new Set(r.blobs as Digest[]),
        manifests: new Map(Object.entries(r.manifests) as [Digest, ManifestLink][]),
        tags: new Map(Object.entries(r.tags) as [string, Digest][]),
      });
    }
    return state;
  }
}
