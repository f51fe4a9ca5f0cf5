// `docker network inspect mynet`: `GET /networks/mynet` (`?verbose=true` with `-v`), printed as the
// daemon wrote it — its IPAM configuration (subnet, gateway), the containers attached with their
// addresses — or through `--format`. A network not found is the daemon's error, after the others.
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool } from '../../cli/flag';
import { parseOrdered } from '../../format/go-json';
import { typed } from '../../format/go-typed';
import { inspectAll, type Inspected } from '../../format/inspector';
import { inspectFormatFlag } from '../shared/format-flag';
import { networkInspectType } from './network-types';

/** One network, as the inspect commands need it. */
export async function inspectNetworkTyped(cli: DockerCli, name: string, verbose = false): Promise<Inspected> {
  const raw = await cli.api.text('GET', `/networks/${name}`, { query: { verbose: verbose ? 'true' : undefined } });
  return { raw, typed: typed(parseOrdered(raw), networkInspectType) };
}

export function networkInspectCommand(): CommandSpec {
  return {
    name: 'inspect',
    use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
    short: 'Display detailed information on one or more networks',
    args: minArgs(1),
    flags: [inspectFormatFlag('f'), bool('verbose', 'v', 'Verbose output for diagnostics')],
    run: ({ cli, args, flags }) =>
      inspectAll(cli.out, args, flags.string('format'), (name) =>
        inspectNetworkTyped(cli, name, flags.bool('verbose')),
      ),
  };
}
