// The client's configuration, `~/.docker/config.json` (or `$DOCKER_CONFIG/config.json`). What a
// student sees in it after `docker login registry.example.com`:
//
//   {
//   	"auths": {
//   		"registry.example.com": {
//   			"auth": "c3R1ZGVudDpkb2NreWFyZA=="
//   		}
//   	}
//   }
//
// Credentials are kept per registry, keyed by the registry's host (Docker Hub's key is
// `https://index.docker.io/v1/`), as base64 of `user:password` — not encrypted, which is what the
// CLI warns about. The CLI writes the file with tabs and keeps keys it does not know about. Where
// the file lives is the host's business: a real file in Node, a file of the laptop in the page.
import { OrderedObject, goIndent, goMarshal, parseOrdered } from '../format/go-json';

/** Docker Hub's key in `auths` (docker/cli `registry.IndexServer`). */
export const INDEX_SERVER = 'https://index.docker.io/v1/';

export interface AuthConfig {
  username: string;
  password: string;
  serveraddress: string;
  identitytoken?: string;
}

/** Where the config file lives and how to read and write it. */
export interface ConfigStorage {
  /** The file's path as messages show it (`/home/student/.docker/config.json`). */
  readonly filename: string;
  /** The file's text, or undefined when it does not exist. */
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function unbase64(text: string): string {
  const binary = atob(text);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

export class ConfigFile {
  private constructor(
    private readonly storage: ConfigStorage,
    private entries: [string, unknown][],
  ) {}

  /** Read the file (a missing file is an empty configuration). */
  static async load(storage: ConfigStorage): Promise<ConfigFile> {
    const text = await storage.load();
    if (text === undefined || text.trim() === '') return new ConfigFile(storage, []);
    let parsed: unknown;
    try {
      parsed = parseOrdered(text);
    } catch (err) {
      throw new ConfigFileError(`loading config file: ${storage.filename}: ${(err as Error).message}`);
    }
    if (!(parsed instanceof OrderedObject)) {
      throw new ConfigFileError(`loading config file: ${storage.filename}: not a JSON object`);
    }
    return new ConfigFile(storage, parsed.entries);
  }

  get filename(): string {
    return this.storage.filename;
  }

  private auths(): [string, unknown][] {
    const auths = this.entries.find(([k]) => k === 'auths')?.[1];
    return auths instanceof OrderedObject ? auths.entries : [];
  }

  /** Stored credentials for `server` (its `auths` key), if any. */
  credentials(server: string): AuthConfig | undefined {
    const entry = this.auths().find(([k]) => k === server)?.[1];
    if (!(entry instanceof OrderedObject)) return undefined;
    const auth = entry.get('auth');
    let username = '';
    let password = '';
    if (typeof auth === 'string' && auth !== '') {
      const decoded = unbase64(auth);
      const colon = decoded.indexOf(':');
      if (colon >= 0) [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    }
    const token = entry.get('identitytoken');
    return {
      username,
      password,
      serveraddress: server,
      ...(typeof token === 'string' && token !== '' ? { identitytoken: token } : {}),
    };
  }

  /** Every registry with stored credentials. */
  servers(): string[] {
    return this.auths().map(([k]) => k);
  }

  /** The context `docker context use` chose (`currentContext`), or '' for none (the default). */
  get currentContext(): string {
    const value = this.entries.find(([k]) => k === 'currentContext')?.[1];
    return typeof value === 'string' ? value : '';
  }

  /** Record the current context and save; '' (or `default`) removes the key, as the CLI does. */
  async setCurrentContext(name: string): Promise<void> {
    const rest = this.entries.filter(([k]) => k !== 'currentContext');
    const value = name === 'default' ? '' : name;
    if (value === '') this.entries = rest;
    else {
      // Go marshals the struct's fields in order: after `auths` (and the other known fields).
      const at = this.entries.findIndex(([k]) => k === 'currentContext');
      if (at >= 0) this.entries = this.entries.map(([k, v]) => (k === 'currentContext' ? [k, value] : [k, v]));
      else this.entries = [...rest, ['currentContext', value]];
    }
    await this.save();
  }

  /** Store credentials; returns false when they were already stored unchanged (nothing is written). */
  async store(auth: AuthConfig): Promise<boolean> {
    const encoded: [string, unknown][] = [];
    if (auth.password !== '' || auth.username !== '') {
      encoded.push(['auth', base64(`${auth.username}:${auth.password}`)]);
    }
    if (auth.identitytoken) encoded.push(['identitytoken', auth.identitytoken]);
    const entry = new OrderedObject(encoded);
    const auths = this.auths().filter(([k]) => k !== auth.serveraddress);
    const before = this.auths().find(([k]) => k === auth.serveraddress)?.[1];
    if (before !== undefined && goMarshal(before) === goMarshal(entry)) return false;
    auths.push([auth.serveraddress, entry]);
    this.setAuths(auths);
    await this.save();
    return true;
  }

  /** Forget `server`'s credentials (nothing is written when there were none). */
  async erase(server: string): Promise<void> {
    const auths = this.auths();
    if (!auths.some(([k]) => k === server)) return;
    this.setAuths(auths.filter(([k]) => k !== server));
    await this.save();
  }

  private setAuths(auths: [string, unknown][]): void {
    const value = new OrderedObject(auths);
    const rest = this.entries.filter(([k]) => k !== 'auths');
    this.entries = [['auths', value], ...rest];
  }

  /** The file as the CLI writes it: tab-indented, `auths` first, registries sorted. */
  text(): string {
    const sorted = this.entries.map(([k, v]): [string, unknown] =>
      k === 'auths' && v instanceof OrderedObject
        ? [k, new OrderedObject([...v.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]
        : [k, v],
    );
    const withAuths = sorted.some(([k]) => k === 'auths') ? sorted : [['auths', new OrderedObject([])], ...sorted];
    return goIndent(goMarshal(new OrderedObject(withAuths as [string, unknown][]), { sortKeys: false }), '\t');
  }

  private async save(): Promise<void> {
    await this.storage.save(this.text());
  }
}
