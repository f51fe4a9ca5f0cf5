// Where a stage's base image (and a `COPY --from=<image>`) comes from (moby `imagecontext.go`,
// `GetImageAndReleasableLayer`, `pullForBuilder`):
//
//   FROM scratch          no image: an empty filesystem and an empty config
//   FROM build            an earlier stage, by name — only ever local
//   FROM alpine:3.20      the local image, or, when there is none (or it is for another
//                         platform), a pull — whose progress goes into the build's own stream:
//
//     Step 1/3 : FROM alpine
//     latest: Pulling from library/alpine
//     8a49fdb3b6a5: Pull complete
//     Digest: sha256:…
//     Status: Downloaded newer image for alpine:latest
//      ---> 1fe062572f59
//
// `--pull` pulls even what is present. Credentials come from `X-Registry-Config`, the map of every
// login the client has (keyed by registry, Docker Hub as `https://index.docker.io/v1/`); a pull
// that fails keeps Docker's words (`pull access denied for nosuch, repository does not exist…`).
import { platformMatches, type WantedPlatform } from '../../image/platform';
import { familiarString, isNamed, parseAnyReference, withDefaultTag, type ImageReference } from '../../reference';
import { fromBase64Url } from '../../registry/auth/base64';
import { fromUtf8 } from '../../bytes';
import type { DaemonContext } from '../context';
import { isDockerHub } from '../distribution/endpoint';
import { pullFailure } from '../distribution/failures';
import { pullImage } from '../distribution/pull';
import { pullMessage } from '../distribution/pull-events';
import { authConfigFrom, type AuthConfig } from '../distribution/registry-auth';
import type { ImageRecord } from '../image-store';
import { logImageEvent } from '../image-events';
import type { BuildOutput } from './output';
import type { BaseImage } from './state';

/** `X-Registry-Config`: base64url JSON of `{registry: AuthConfig}`; anything undecodable is no credentials. */
export function decodeRegistryConfig(header: string | undefined): Record<string, AuthConfig> {
  if (header === undefined || header.trim() === '') return {};
  try {
    const json = JSON.parse(fromUtf8(fromBase64Url(header.trim().replace(/=+$/, '')))) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, authConfigFrom(v)]));
  } catch {
    return {};
  }
}

/** The host a credentials key names (`https://index.docker.io/v1/` → `index.docker.io`). */
function keyHost(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .split('/')[0]!
    .toLowerCase();
}

/** registry.ResolveAuthConfig: the login for the registry of `ref`. */
export function authFor(configs: Record<string, AuthConfig>, ref: ImageReference): AuthConfig {
  for (const [key, auth] of Object.entries(configs)) {
    const host = keyHost(key);
    if (host === ref.domain.toLowerCase() || (isDockerHub(ref.domain) && isDockerHub(host))) return auth;
  }
  return {};
}

export interface ImageFetch {
  ctx: DaemonContext;
  out: BuildOutput;
  pull: boolean;
  auth: Record<string, AuthConfig>;
  userAgent: string;
  /** The daemon's platform, for a scratch image and pulls without `--platform`. */
  platform: WantedPlatform | undefined;
}

/** A scratch "image": nothing but a platform. */
export function scratchImage(ctx: DaemonContext, platform: WantedPlatform | undefined): BaseImage {
  const p = platform ?? ctx.platform;
  return { record: undefined, os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : {}) };
}

export function baseOf(record: ImageRecord): BaseImage {
  const { os, architecture, variant } = record.config;
  return { record, os, architecture, ...(variant ? { variant } : {}) };
}

async function pullForBuilder(f: ImageFetch, name: string, platform: WantedPlatform | undefined): Promise<ImageRecord> {
  const parsed = parseAnyReference(name);
  if (!isNamed(parsed)) throw new Error(`No such image: ${parsed.digest}`);
  const ref = withDefaultTag(parsed);
  const events = pullImage(f.ctx, ref, {
    auth: authFor(f.auth, ref),
    ...(platform ? { platform } : {}),
    userAgent: f.userAgent,
  });
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) break;
      f.out.progress(pullMessage(next.value));
    }
  } catch (err) {
    throw pullFailure(err, ref);
  }
  logImageEvent(f.ctx, familiarString(ref), familiarString(ref), 'pull');
  const image = f.ctx.store.resolve(name);
  if (!image) throw new Error(`No such image: ${familiarString(ref)}`);
  return image;
}

/**
 * The image `name` (a reference or an ID): local when present for the platform, else pulled —
 * unless `localOnly` (a stage's image), which never pulls.
 */
export async function getImage(
  f: ImageFetch,
  name: string,
  localOnly: boolean,
  platform: WantedPlatform | undefined,
): Promise<ImageRecord> {
  if (localOnly || !f.pull) {
    const local = f.ctx.store.resolve(name);
    const wanted = platform ?? f.platform;
    const fits = (image: ImageRecord) => wanted === undefined || platformMatches(wanted, image.config);
    if (local && (localOnly || fits(local))) return local;
    if (localOnly) throw new Error(`No such image: ${name}`);
  }
  return pullForBuilder(f, name, platform ?? f.platform);
}
