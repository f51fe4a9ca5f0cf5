// `docker history alpine`: `GET /images/alpine/history`, one row per step that built the image,
// newest first. Only the top row is an image of its own; the steps below are `<missing>` — they
// were built elsewhere, and only their layers came with the pull.
//
//   IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
//   9d9e6c7c13a5   21 months ago   CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0
//   <missing>      21 months ago   ADD alpine-minirootfs-3.21.3-x86_64.tar.gz /…   9.9kB     buildkit.dockerfile.v0
import { humanSize } from '../../../image/size';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { formatContext, formatRows } from '../../format/formatter';
import { timeAgo } from '../../format/human-duration';
import { truncateId } from '../../format/ids';
import { ellipsis } from '../../format/text';
import { tableFormatFlag } from '../shared/format-flag';

export interface HistoryOptions {
  image: string;
  human: boolean;
  noTrunc: boolean;
  quiet: boolean;
  format: string;
}

interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
}

const HEADER = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** RFC 3339 of a Unix time, in UTC (Go's time.RFC3339 on a UTC machine). */
function rfc3339(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function runHistory(cli: DockerCli, options: HistoryOptions): Promise<void> {
  const items = (await cli.api.json<HistoryItem[]>('GET', `/images/${options.image}/history`)) ?? [];
  let format = options.format || 'table';
  if (format === 'table') {
    if (options.quiet) format = '{{.ID}}';
    else if (!options.human) format = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
    else format = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
  }
  const trunc = !options.noTrunc;
  const now = cli.now();
  const rows = items.map((h) =>
    formatContext('*formatter.historyContext', {
      Comment: () => h.Comment,
      CreatedAt: () => rfc3339(h.Created),
      CreatedBy: () => {
        const text = h.CreatedBy.replaceAll('\t', ' ');
        return trunc ? ellipsis(text, 45) : text;
      },
      CreatedSince: () => (options.human ? timeAgo(h.Created * 1000, now) : rfc3339(h.Created)),
      ID: () => (trunc ? truncateId(h.Id) : h.Id),
      Size: () => (options.human ? humanSize(h.Size, 3) : String(h.Size)),
    }),
  );
  cli.out.write(formatRows(format, rows, HEADER));
}

export function historyCommand(): CommandSpec {
  return {
    name: 'history',
    use: 'history [OPTIONS] IMAGE',
    short: 'Show the history of an image',
    aliasesText: 'docker image history, docker history',
    args: exactArgs(1),
    flags: [
      tableFormatFlag(),
      bool('human', 'H', 'Print sizes and dates in human readable format', { default: 'true' }),
      bool('no-trunc', '', "Don't truncate output"),
      string(
        'platform',
        '',
        'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      ),
      bool('quiet', 'q', 'Only show image IDs'),
    ],
    run: ({ cli, args, flags }) =>
      runHistory(cli, {
        image: args[0]!,
        human: flags.bool('human'),
        noTrunc: flags.bool('no-trunc'),
        quiet: flags.bool('quiet'),
        format: flags.string('format'),
      }),
  };
}
