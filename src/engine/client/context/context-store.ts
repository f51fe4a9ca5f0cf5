// Docker contexts: named daemon endpoints the client can switch between (`docker context use
// cloud`). The docker CLI keeps each one as a small JSON file in its configuration directory,
// under a directory named after the SHA-256 of the context's name (docker/cli `cli/context/store`):
//
//   ~/.docker/
//   ├── config.json                       {"auths": {}, "currentContext": "cloud"}
//   └── contexts/
//       └── meta/
//           └── 56681010b753…d4b0/       sha256("cloud")
//               └── meta.json            {"Name":"cloud","Metadata":{"Description":"The cloud VM"},
//                                         "Endpoints":{"docker":{"Host":"tcp://cloud-vm:2376",
//                                         "SkipTLSVerify":false}}}
//
// The `default` context is never stored: it is made up on the spot from `-H`, DOCKER_HOST or the
// local socket. Here the files live on the client's side (`environment.files`): the laptop's own
// `~/.docker` in the page, the real disk in Node.
import { utf8 } from '../../bytes';
import { encodedOf, sha256Of } from '../../digest';
import type { FileSystem } from '../cli/file-system';
import { goMarshal } from '../format/go-json';

/** The name of the context that stands for "no context": `-H`, DOCKER_HOST, or the local socket. */
export const DEFAULT_CONTEXT = 'default';
/** How `docker context ls` describes the default context. */
export const DEFAULT_CONTEXT_DESCRIPTION = 'Current DOCKER_HOST based configuration';
/** docker/cli's `restrictedNamePattern`. */
const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

/** A context as docker stores it: a name, a description, the daemon's address. */
export interface DockerContext {
  name: string;
  description: string;
  host: string;
  skipTLSVerify: boolean;
}

/** The context is not in the store (`context "x": context not found: open …: no such file or directory`). */
export class ContextNotFoundError extends Error {
  override name = 'ContextNotFoundError';
}

/** sha256 of the name, in hex: the context's directory name. */
export async function contextId(name: string): Promise<string> {
  return encodedOf(await sha256Of(utf8(name)));
}

/** docker/cli's validation of a new context's name. */
export function checkContextName(name: string): void {
  if (name === '') throw new Error('context name cannot be empty');
  if (name === DEFAULT_CONTEXT) throw new Error(`"${DEFAULT_CONTEXT}" is a reserved context name`);
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`context name "${name}" is invalid, names are validated against regexp "${NAME_PATTERN.source}"`);
  }
}

/** The docker endpoint as Go marshals it (`Host` omitted when empty). */
export function endpointJson(context: DockerContext): Record<string, unknown> {
  return { ...(context.host ? { Host: context.host } : {}), SkipTLSVerify: context.skipTLSVerify };
}

/** meta.json as the CLI writes it (Go field order, the description left out when empty). */
export function metaJson(context: DockerContext): string {
  return goMarshal(
    {
      Name: context.name,
      Metadata: context.description ? { Description: context.description } : {},
      Endpoints: { docker: endpointJson(context) },
    },
    { sortKeys: false },
  );
}

function parseMeta(text: string, file: string): DockerContext {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`parsing ${file}: ${(err as Error).message}`, { cause: err });
  }
  const meta = (raw ?? {}) as {
    Name?: unknown;
    Metadata?: { Description?: unknown };
    Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
  };
  const docker = meta.Endpoints?.docker;
  return {
    name: typeof meta.Name === 'string' ? meta.Name : '',
    description: typeof meta.Metadata?.Description === 'string' ? meta.Metadata.Description : '',
    host: typeof docker?.Host === 'string' ? docker.Host : '',
    skipTLSVerify: docker?.SkipTLSVerify === true,
  };
}

/** The contexts stored under one configuration directory. */
export class ContextStore {
  constructor(
    private readonly files: FileSystem,
    readonly configDir: string,
  ) {}

  /** `<config>/contexts/meta/<sha256 of name>` */
  async metaDir(name: string): Promise<string> {
    return `${this.configDir}/contexts/meta/${await contextId(name)}`;
  }

  /** `<config>/contexts/tls/<sha256 of name>` (where TLS material would go). */
  async tlsDir(name: string): Promise<string> {
    return `${this.configDir}/contexts/tls/${await contextId(name)}`;
  }

  /** The stored context `name`; throws ContextNotFoundError with the CLI's words. */
  async get(name: string): Promise<DockerContext> {
    const file = `${await this.metaDir(name)}/meta.json`;
    if ((await this.files.stat(file)) !== 'file') {
      throw new ContextNotFoundError(`context "${name}": context not found: open ${file}: no such file or directory`);
    }
    return parseMeta(new TextDecoder().decode(await this.files.readFile(file)), file);
  }

  async exists(name: string): Promise<boolean> {
    return (await this.files.stat(`${await this.metaDir(name)}/meta.json`)) === 'file';
  }

  /** Every stored context (the default is not one of them). */
  async list(): Promise<DockerContext[]> {
    const root = `${this.configDir}/contexts/meta`;
    if ((await this.files.stat(root)) !== 'directory' || !this.files.readdir) return [];
    const out: DockerContext[] = [];
    for (const id of await this.files.readdir(root)) {
      const file = `${root}/${id}/meta.json`;
      if ((await this.files.stat(file)) !== 'file') continue;
      out.push(parseMeta(new TextDecoder().decode(await this.files.readFile(file)), file));
    }
    return out;
  }

  /** Write a context's meta.json (creating its directory). */
  async save(context: DockerContext): Promise<void> {
    const dir = await this.metaDir(context.name);
    await this.files.mkdir?.(dir);
    await this.files.writeFile(`${dir}/meta.json`, utf8(metaJson(context)));
  }

  /** Delete a context's directory. */
  async remove(name: string): Promise<void> {
    if (!this.files.remove) throw new Error(`cannot remove context "${name}": the file system is read-only`);
    await this.files.remove(await this.metaDir(name));
    await this.files.remove(await this.tlsDir(name));
  }
}
