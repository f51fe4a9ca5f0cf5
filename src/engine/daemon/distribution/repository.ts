// One repository on one registry, as the daemon's distribution client sees it: resolve a tag to a
// manifest digest, fetch manifests and blobs by digest, check whether a blob is there, upload a
// blob (or mount it from another repository), put a manifest under a tag. Each method is one or
// two requests of the OCI Distribution API (spec end-2 … end-11), made through the authorized
// registry client, and each failure is the error dockerd's client would report.
import type { Bytes } from '../../bytes';
import { isDigest, sha256Of, type Digest } from '../../digest';
import { MediaType } from '../../image/media-types';
import type { Body, WireResponse } from '../../wire/message';
import { getHeader, readBody } from '../../wire/message';
import { withQuery } from './query';
import type { RegistryClient } from './registry-client';
import { BlobUnknownError, errorFromResponse } from './registry-errors';

/** What dockerd accepts when it asks for a manifest: Docker's and OCI's manifests and indexes. */
export const MANIFEST_ACCEPT = [
  MediaType.dockerManifest,
  MediaType.dockerManifestList,
  MediaType.ociManifest,
  MediaType.ociIndex,
].join(', ');

export interface RemoteDescriptor {
  digest: Digest;
  mediaType: string;
  size: number;
}

export interface FetchedManifest {
  bytes: Bytes;
  mediaType: string;
}

/** Where an upload session continues (the `Location` of the last answer). */
export interface UploadSession {
  location: string;
}

function ok(status: number): boolean {
  return status >= 200 && status <= 299;
}

async function fail(response: WireResponse): Promise<never> {
  throw errorFromResponse(response, await readBody(response.body));
}

export class Repository {
  constructor(
    readonly client: RegistryClient,
    /** The repository path: `library/alpine`. */
    readonly name: string,
  ) {}

  /** Tag → descriptor: `HEAD` the manifest, falling back to `GET` for servers without HEAD (tags.Get). */
  async resolveTag(tag: string): Promise<RemoteDescriptor> {
    const path = `/v2/${this.name}/manifests/${tag}`;
    const headers = { Accept: MANIFEST_ACCEPT };
    const head = await this.client.request('HEAD', path, { headers });
    await readBody(head.body);
    const headDigest = getHeader(head, 'Docker-Content-Digest');
    if (ok(head.status) && headDigest && isDigest(headDigest)) {
      return {
        digest: headDigest,
        mediaType: getHeader(head, 'Content-Type') ?? '',
        size: Number(getHeader(head, 'Content-Length') ?? '0'),
      };
    }
    const get = await this.client.request('GET', path, { headers });
    if (!ok(get.status)) return fail(get);
    const body = await readBody(get.body);
    const digestHeader = getHeader(get, 'Docker-Content-Digest');
    return {
      digest: digestHeader && isDigest(digestHeader) ? digestHeader : await sha256Of(body),
      mediaType: getHeader(get, 'Content-Type') ?? '',
      size: body.length,
    };
  }

  /** `GET /v2/<name>/manifests/<digest>`: the manifest's bytes and the media type it was served as. */
  async manifest(digest: Digest): Promise<FetchedManifest> {
    const response = await this.client.request('GET', `/v2/${this.name}/manifests/${digest}`, {
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if (!ok(response.status)) return fail(response);
    return { bytes: await readBody(response.body), mediaType: getHeader(response, 'Content-Type') ?? '' };
  }

  /** `GET /v2/<name>/blobs/<digest>`: the response, body unread, and its announced size (0 if none). */
  async openBlob(digest: Digest): Promise<{ response: WireResponse; size: number }> {
    const response = await this.client.request('GET', `/v2/${this.name}/blobs/${digest}`);
    if (response.status === 404) {
      await readBody(response.body);
      throw new BlobUnknownError();
    }
    if (!ok(response.status)) return fail(response);
    const length = Number(getHeader(response, 'Content-Length') ?? '');
    return { response, size: Number.isFinite(length) && length > 0 ? length : 0 };
  }

  /** The whole blob (configs are small). */
  async blob(digest: Digest): Promise<Bytes> {
    const { response } = await this.openBlob(digest);
    return readBody(response.body);
  }

  /** `HEAD /v2/<name>/blobs/<digest>`: its size, or undefined when the repository lacks it (Stat). */
  async statBlob(digest: Digest): Promise<number | undefined> {
    const response = await this.client.request('HEAD', `/v2/${this.name}/blobs/${digest}`);
    await readBody(response.body);
    if (response.status === 404) return undefined;
    if (!ok(response.status)) return fail(response);
    return Number(getHeader(response, 'Content-Length') ?? '0');
  }

  /**
   * `POST /v2/<name>/blobs/uploads/`, optionally asking to mount `digest` from repository `from`.
   * Returns `mounted` when the registry linked the blob (201), else the new upload session (202).
   */
  async startUpload(mount?: { from: string; digest: Digest }): Promise<{ mounted: true } | UploadSession> {
    let path = `/v2/${this.name}/blobs/uploads/`;
    if (mount)
      path = withQuery(path, [
        ['from', mount.from],
        ['mount', mount.digest],
      ]);
    const response = await this.client.request('POST', path, { headers: { 'Content-Length': '0' } });
    await readBody(response.body);
    if (mount && response.status === 201) return { mounted: true };
    if (response.status !== 202) return fail(response);
    const location = getHeader(response, 'Location');
    if (!location) throw new Error('missing Location header in upload response');
    return { location };
  }

  /** `PATCH <location>` with the data; returns the session's next location. */
  async sendUpload(session: UploadSession, body: Body, length: number): Promise<UploadSession> {
    const response = await this.client.request('PATCH', session.location, {
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(length) },
      body,
    });
    await readBody(response.body);
    if (!ok(response.status)) return fail(response);
    return { location: getHeader(response, 'Location') ?? session.location };
  }

  /**
   * `PUT <location>?digest=…`: the registry checks the digest and makes the blob visible; then,
   * as distribution's client does, `HEAD` the blob to learn what the registry now holds.
   */
  async commitUpload(session: UploadSession, digest: Digest): Promise<number | undefined> {
    const response = await this.client.request('PUT', withQuery(session.location, [['digest', digest]]), {
      headers: { 'Content-Length': '0' },
    });
    await readBody(response.body);
    if (!ok(response.status)) return fail(response);
    return this.statBlob(digest);
  }

  /** Upload a small blob in one go: POST, PATCH, PUT (distribution's blobs.Put, used for configs). */
  async putBlob(bytes: Bytes, digest: Digest): Promise<void> {
    const session = await this.startUpload();
    if (!('location' in session)) return;
    const next = await this.sendUpload(session, bytes, bytes.length);
    await this.commitUpload(next, digest);
  }

  /** `PUT /v2/<name>/manifests/<tag>`. */
  async putManifest(tag: string, mediaType: string, bytes: Bytes): Promise<void> {
    const response = await this.client.request('PUT', `/v2/${this.name}/manifests/${tag}`, {
      headers: { 'Content-Type': mediaType, 'Content-Length': String(bytes.length) },
      body: bytes,
    });
    await readBody(response.body);
    if (!ok(response.status)) return fail(response);
  }

  /** `GET /v2/<name>/tags/list` (for `docker pull --all-tags`). */
  async tags(): Promise<string[]> {
    const response = await this.client.request('GET', `/v2/${this.name}/tags/list`);
    if (!ok(response.status)) return fail(response);
    const parsed = JSON.parse(new TextDecoder().decode(await readBody(response.body))) as { tags?: unknown };
    return Array.isArray(parsed.tags) ? parsed.tags.filter((t): t is string => typeof t === 'string') : [];
  }
}
