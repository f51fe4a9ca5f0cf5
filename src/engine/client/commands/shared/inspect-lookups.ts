// Fetching one object for an inspect command: its JSON as the daemon wrote it, and the same JSON
// read into the Go type the CLI decodes it into (for `--format` templates).
import type { DockerCli } from '../../cli/docker-cli';
import { parseOrdered } from '../../format/go-json';
import { inferred, typed, type StructType } from '../../format/go-typed';
import { containerInspectType, imageInspectType } from '../../format/inspect-types';
import type { Inspected } from '../../format/inspector';
import { networkInspectType, volumeInspectType } from '../network/network-types';

async function fetchInspected(
  cli: DockerCli,
  path: string,
  type: StructType | undefined,
  query: Record<string, string | undefined> = {},
): Promise<Inspected> {
  const raw = await cli.api.text('GET', path, { query });
  const json = parseOrdered(raw);
  return { raw, typed: type ? typed(json, type) : inferred(json) };
}

export const inspectImage = (cli: DockerCli, name: string) =>
  fetchInspected(cli, `/images/${name}/json`, imageInspectType);

export const inspectContainer = (cli: DockerCli, name: string, size = false) =>
  fetchInspected(cli, `/containers/${name}/json`, containerInspectType, { size: size ? '1' : undefined });

export const inspectNetwork = (cli: DockerCli, name: string) =>
  fetchInspected(cli, `/networks/${name}`, networkInspectType);

export const inspectVolume = (cli: DockerCli, name: string) =>
  fetchInspected(cli, `/volumes/${name}`, volumeInspectType);

export const inspectPlugin = (cli: DockerCli, name: string) => fetchInspected(cli, `/plugins/${name}/json`, undefined);
