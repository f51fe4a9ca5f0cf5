// `docker logs web`: what the container's main process wrote. The CLI first inspects the
// container (it needs its full ID, and whether it has a TTY), then asks for the log —
// `GET /containers/{id}/logs?stderr=1&stdout=1&tail=all` — and splits it back onto its own stdout
// and stderr (without a TTY the two are framed in one stream). `-f` keeps following.
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { demultiplex } from '../../api/stdcopy';
import { eventTimestamp } from '../system/events';
import type { Bytes } from '../../../bytes';

export interface LogsOptions {
  container: string;
  follow: boolean;
  since: string;
  until: string;
  timestamps: boolean;
  tail: string;
  details: boolean;
}

export async function runLogs(cli: DockerCli, options: LogsOptions): Promise<void> {
  const c = await cli.api.json<{ Id: string; Config?: { Tty?: boolean } }>(
    'GET',
    `/containers/${options.container}/json`,
  );
  const now = cli.now();
  const response = await cli.api.request('GET', `/containers/${c.Id}/logs`, {
    query: {
      details: options.details ? '1' : undefined,
      follow: options.follow ? '1' : undefined,
      since: options.since ? eventTimestamp(options.since, now) : undefined,
      stderr: '1',
      stdout: '1',
      tail: options.tail,
      timestamps: options.timestamps ? '1' : undefined,
      until: options.until ? eventTimestamp(options.until, now) : undefined,
    },
  });
  const body = response.body ?? new Uint8Array(0);
  const iterator: AsyncIterator<Bytes> =
    body instanceof Uint8Array
      ? (async function* () {
          yield body as Bytes;
        })()
      : body[Symbol.asyncIterator]();
  const source: AsyncIterable<Bytes> = { [Symbol.asyncIterator]: () => iterator };
  // Ctrl-C hangs up: the connection closes, so the daemon stops following the container.
  const stop = new Promise<void>((resolve) =>
    cli.signal?.addEventListener(
      'abort',
      () => {
        void iterator.return?.(undefined)?.catch(() => undefined);
        resolve();
      },
      { once: true },
    ),
  );
  const copy = c.Config?.Tty
    ? (async () => {
        for await (const chunk of source) cli.out.write(chunk);
      })()
    : demultiplex(source, cli.out, cli.err);
  await Promise.race([copy, stop]);
}

export function logsCommand(): CommandSpec {
  return {
    name: 'logs',
    use: 'logs [OPTIONS] CONTAINER',
    short: 'Fetch the logs of a container',
    aliasesText: 'docker container logs, docker logs',
    args: exactArgs(1),
    flags: [
      bool('details', '', 'Show extra details provided to logs'),
      bool('follow', 'f', 'Follow log output'),
      string(
        'since',
        '',
        'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      ),
      string('tail', 'n', 'Number of lines to show from the end of the logs', { default: '"all"' }),
      bool('timestamps', 't', 'Show timestamps'),
      string(
        'until',
        '',
        'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      ),
    ],
    run: ({ cli, args, flags }) =>
      runLogs(cli, {
        container: args[0]!,
        follow: flags.bool('follow'),
        since: flags.string('since'),
        until: flags.string('until'),
        timestamps: flags.bool('timestamps'),
        tail: flags.string('tail'),
        details: flags.bool('details'),
      }),
  };
}
