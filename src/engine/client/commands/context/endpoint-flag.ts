// `--docker "host=tcp://cloud-vm:2376,skip-tls-verify=true"` of `docker context create` and
// `update`: a comma-separated list of key=value settings for the context's docker endpoint
// (docker/cli `cli/command/context/options.go`). Keys: from, host, ca, cert, key, skip-tls-verify.
import type { DockerCli } from '../../cli/docker-cli';
import { list, type FlagSpec } from '../../cli/flag';
import { FlagValueError, parseGoBool } from '../../cli/go-strconv';
import type { DockerContext } from '../../context/context-store';

const KEYS = ['from', 'host', 'ca', 'cert', 'key', 'skip-tls-verify'];

/** The flag; each occurrence is checked for key=value pairs (pflag's stringToString). */
export function dockerEndpointFlag(): FlagSpec {
  return list('docker', '', 'set the docker endpoint', {
    type: 'stringToString',
    default: '[]',
    validate(text) {
      for (const part of text.split(',')) {
        if (!part.includes('=')) throw new FlagValueError(`${part} must be formatted as key=value`);
      }
      return text;
    },
  });
}

/** The settings of every `--docker` given, later ones winning. */
export function endpointSettings(values: readonly string[]): Map<string, string> {
  const settings = new Map<string, string>();
  for (const text of values) {
    for (const part of text.split(',')) {
      const eq = part.indexOf('=');
      settings.set(part.slice(0, eq), part.slice(eq + 1));
    }
  }
  return settings;
}

/** A URL with a scheme (`tcp://…`, `unix://…`, `ssh://…`), as the CLI requires of `host=`. */
const hasScheme = (host: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(host);

/**
 * The endpoint these settings describe (host and TLS verification). `from=` starts from another
 * context's endpoint; a TLS file must exist on the client's side (its contents are not simulated).
 */
export async function endpointFrom(
  cli: DockerCli,
  settings: Map<string, string>,
  lookup: (name: string) => Promise<DockerContext>,
): Promise<Pick<DockerContext, 'host' | 'skipTLSVerify'>> {
  const wrap = (message: string) => new Error(`unable to create docker endpoint config: ${message}`);
  for (const key of settings.keys()) if (!KEYS.includes(key)) throw wrap(`unrecognized config key: ${key}`);
  const from = settings.get('from');
  const base = from !== undefined ? await lookup(from) : { host: '', skipTLSVerify: false };
  const host = settings.get('host') ?? base.host;
  for (const key of ['ca', 'cert', 'key']) {
    const path = settings.get(key);
    if (path && (await cli.files.stat(path)) === undefined) throw wrap(`open ${path}: no such file or directory`);
  }
  let skipTLSVerify = base.skipTLSVerify;
  const skip = settings.get('skip-tls-verify');
  if (skip !== undefined) {
    try {
      skipTLSVerify = parseGoBool(skip);
    } catch (err) {
      throw wrap((err as Error).message);
    }
  }
  if (host !== '' && !hasScheme(host)) {
    throw wrap(`unable to apply docker endpoint options: unable to parse docker host \`${host}\``);
  }
  return { host, skipTLSVerify };
}
