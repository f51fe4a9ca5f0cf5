// Credentials travel to the daemon in the `X-Registry-Auth` header: the JSON of an AuthConfig
// (`{"username":…,"password":…,"serveraddress":…}`, empty fields left out) in URL-safe base64.
// With nothing stored for the registry it is `{}`, i.e. `e30=`. The credentials used are the ones
// `docker login` stored for the image's registry — Docker Hub's under `https://index.docker.io/v1/`.
import { utf8 } from '../../../bytes';
import { DEFAULT_DOMAIN, type ImageReference } from '../../../reference';
import type { DockerCli } from '../../cli/docker-cli';
import { INDEX_SERVER, type AuthConfig } from '../../config/config-file';
import { goMarshal } from '../../format/go-json';

/** The key of a registry in config.json: Docker Hub's URL, or the registry's host. */
export function authKey(domain: string): string {
  return domain === DEFAULT_DOMAIN ? INDEX_SERVER : domain;
}

/** Go's base64.URLEncoding (with padding). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
}

/** AuthConfig as Go marshals it (field order, omitempty). */
export function authJson(auth: Partial<AuthConfig> = {}): string {
  const out: Record<string, string> = {};
  if (auth.username) out['username'] = auth.username;
  if (auth.password) out['password'] = auth.password;
  if (auth.serveraddress) out['serveraddress'] = auth.serveraddress;
  if (auth.identitytoken) out['identitytoken'] = auth.identitytoken;
  return goMarshal(out, { sortKeys: false });
}

export function encodeAuth(auth?: Partial<AuthConfig>): string {
  return base64Url(utf8(authJson(auth)));
}

/** The X-Registry-Auth value for pulling or pushing `ref`. */
export async function registryAuthFor(cli: DockerCli, ref: ImageReference): Promise<string> {
  const config = await cli.config();
  return encodeAuth(config.credentials(authKey(ref.domain)));
}
