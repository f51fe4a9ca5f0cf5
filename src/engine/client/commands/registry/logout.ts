// `docker logout registry.example.com`: forget the stored credentials — only the client's
// config.json changes; the daemon is not asked anything.
import { maxArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { INDEX_SERVER } from '../../config/config-file';

/** credentials.ConvertToHostname: `https://host:5000/v2/` → `host:5000`. */
export function hostnameOf(address: string): string {
  let text = address;
  if (text.includes('://')) {
    try {
      const url = new URL(text);
      if (url.hostname !== '') return url.port === '' ? url.hostname : `${url.hostname}:${url.port}`;
    } catch {
      // not a URL: cut at the first slash below
    }
    text = address;
  }
  return text.split('/')[0]!;
}

export async function runLogout(cli: DockerCli, server: string): Promise<void> {
  const isDefault = server === '';
  const address = isDefault ? INDEX_SERVER : server;
  const hostname = isDefault ? address : hostnameOf(address);
  const keys = isDefault ? [address] : [address, hostname, `http://${hostname}`, `https://${hostname}`];
  cli.out.write(`Removing login credentials for ${hostname}\n`);
  const config = await cli.config();
  for (const key of keys) await config.erase(key);
}

export function logoutCommand(): CommandSpec {
  return {
    name: 'logout',
    use: 'logout [SERVER]',
    short: 'Log out from a registry',
    long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
    top: 9,
    args: maxArgs(1),
    run: ({ cli, args }) => runLogout(cli, args[0] ?? ''),
  };
}
