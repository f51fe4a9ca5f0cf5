// `--env-file app.env` and `--label-file`: files of `KEY=value` lines, read on the client's side
// (docker/cli `opts/file.go`). Blank lines and `#` comments are skipped; a line with a name only
// takes the value from the client's environment (env files only), or is dropped.
import { fromUtf8 } from '../../../bytes';
import type { DockerCli } from '../../cli/docker-cli';

export async function readKeyValueFiles(cli: DockerCli, paths: readonly string[], fromEnv: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const text = fromUtf8(await cli.files.readFile(path));
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const name = (eq < 0 ? line : line.slice(0, eq)).replace(/^\s+/, '');
      if (/\s/.test(name)) throw new Error(`variable '${name}' contains whitespaces`);
      if (name === '') throw new Error(`no variable name on line '${line}'`);
      if (eq >= 0) out.push(`${name}=${line.slice(eq + 1)}`);
      else if (fromEnv && cli.env[name.trim()] !== undefined) out.push(`${name.trim()}=${cli.env[name.trim()]}`);
    }
  }
  return out;
}
