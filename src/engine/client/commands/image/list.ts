// `docker images` / `docker image ls`: `GET /images/json`, one row per repository:tag. This is the
// classic table (docker/cli `formatter/image.go`); docker 28's tree view only appears with
// `--tree`, which Dockyard does not draw.
//
//   REPOSITORY   TAG       IMAGE ID       CREATED         SIZE
//   alpine       latest    9d9e6c7c13a5   21 months ago   9.9kB
//
// An image with two tags is two rows with the same ID; an image with no tag is `<none>`.
import { humanSize } from '../../../image/size';
import { familiarName, parseReference } from '../../../reference';
import { maxArgs, type CommandSpec, type Invocation } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter } from '../../cli/flag';
import { formatContext, formatRows, type FormatContext } from '../../format/formatter';
import { timeAgo } from '../../format/human-duration';
import { goTimeString, truncateId } from '../../format/ids';
import { filtersParam } from '../shared/filters';
import { tableFormatFlag } from '../shared/format-flag';

export interface ImageSummary {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created: number;
  Size: number;
  SharedSize?: number;
  Containers?: number;
}

export interface ImagesOptions {
  all: boolean;
  quiet: boolean;
  digests: boolean;
  noTrunc: boolean;
  format: string;
  filters: string[];
  match?: string;
}

const DEFAULT_FORMAT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const DIGEST_FORMAT = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';

const HEADER = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'VIRTUAL SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

export interface Row {
  image: ImageSummary;
  repo: string;
  tag: string;
  digest: string;
}

/** The formatter context of one row. */
export function imageContextFor(row: Row, trunc: boolean, now: number): FormatContext {
  const { image } = row;
  const shared = image.SharedSize ?? -1;
  const containers = image.Containers ?? -1;
  return formatContext('*formatter.imageContext', {
    Containers: () => (containers === -1 ? 'N/A' : String(containers)),
    CreatedAt: () => goTimeString(image.Created * 1000, ''),
    CreatedSince: () => timeAgo(image.Created * 1000, now),
    Digest: () => row.digest,
    ID: () => (trunc ? truncateId(image.Id) : image.Id),
    Repository: () => row.repo,
    SharedSize: () => (shared === -1 ? 'N/A' : humanSize(shared, 4)),
    Size: () => humanSize(image.Size, 3),
    Tag: () => row.tag,
    UniqueSize: () => (image.Size === -1 || shared === -1 ? 'N/A' : humanSize(image.Size - shared, 4)),
    VirtualSize: () => humanSize(image.Size, 4),
  });
}

function isDangling(image: ImageSummary): boolean {
  const tags = image.RepoTags ?? [];
  const digests = image.RepoDigests ?? [];
  return (
    (tags.length === 0 && digests.length === 0) ||
    (tags.length === 1 && tags[0] === '<none>:<none>' && digests.length === 1 && digests[0] === '<none>@<none>')
  );
}

/** The rows of one image (docker's imageFormat): a row per tag, digests beside them if asked. */
export function imageRows(image: ImageSummary, showDigests: boolean): Row[] {
  if (isDangling(image)) return [{ image, repo: '<none>', tag: '<none>', digest: '<none>' }];
  const tags = new Map<string, string[]>();
  const digests = new Map<string, string[]>();
  for (const text of image.RepoTags ?? []) {
    try {
      const ref = parseReference(text);
      if (ref.tag !== undefined) tags.set(familiarName(ref), [...(tags.get(familiarName(ref)) ?? []), ref.tag]);
    } catch {
      // a name the CLI cannot parse is skipped
    }
  }
  for (const text of image.RepoDigests ?? []) {
    try {
      const ref = parseReference(text);
      if (ref.digest !== undefined)
        digests.set(familiarName(ref), [...(digests.get(familiarName(ref)) ?? []), ref.digest]);
    } catch {
      // skipped, as above
    }
  }
  const rows: Row[] = [];
  for (const [repo, repoTags] of tags) {
    const repoDigests = showDigests ? (digests.get(repo) ?? []) : [];
    digests.delete(repo);
    for (const tag of repoTags) {
      if (repoDigests.length === 0) rows.push({ image, repo, tag, digest: '<none>' });
      for (const digest of repoDigests) rows.push({ image, repo, tag, digest });
    }
  }
  for (const [repo, repoDigests] of digests) {
    if (showDigests) for (const digest of repoDigests) rows.push({ image, repo, tag: '<none>', digest });
    else rows.push({ image, repo, tag: '<none>', digest: '' });
  }
  return rows;
}

export async function runImages(cli: DockerCli, options: ImagesOptions): Promise<void> {
  const filters = [...options.filters, ...(options.match ? [`reference=${options.match}`] : [])];
  const images = await cli.api.json<ImageSummary[]>('GET', '/images/json', {
    query: { all: options.all ? '1' : undefined, filters: filtersParam(filters) },
  });
  let format = options.format;
  if (format === '' || format === 'table') {
    format = options.quiet ? '{{.ID}}' : options.digests ? DIGEST_FORMAT : DEFAULT_FORMAT;
  } else if (format === 'raw') {
    format = options.quiet
      ? 'image_id: {{.ID}}'
      : `repository: {{ .Repository }}\ntag: {{.Tag}}\n${options.digests ? 'digest: {{.Digest}}\n' : ''}` +
        'image_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
  }
  const now = cli.now();
  const contexts = (images ?? []).flatMap((image) =>
    imageRows(image, options.digests).map((row) => imageContextFor(row, !options.noTrunc, now)),
  );
  cli.out.write(formatRows(format, contexts, HEADER));
}

export function imagesOptions({ flags, args }: Invocation): ImagesOptions {
  return {
    all: flags.bool('all'),
    quiet: flags.bool('quiet'),
    digests: flags.bool('digests'),
    noTrunc: flags.bool('no-trunc'),
    format: flags.string('format'),
    filters: flags.list('filter'),
    ...(args[0] !== undefined ? { match: args[0] } : {}),
  };
}

/** `docker images` (name `images`) and `docker image ls` (name `ls`, alias `list`). */
export function imagesCommand(name: 'images' | 'ls'): CommandSpec {
  return {
    name,
    use: `${name} [OPTIONS] [REPOSITORY[:TAG]]`,
    short: 'List images',
    ...(name === 'ls' ? { aliases: ['list'] } : { top: 7 }),
    aliasesText: 'docker image ls, docker image list, docker images',
    args: maxArgs(1),
    flags: [
      bool('all', 'a', 'Show all images (default hides intermediate images)'),
      bool('digests', '', 'Show digests'),
      filter('filter', 'f', 'Filter output based on conditions provided'),
      tableFormatFlag(),
      bool('no-trunc', '', "Don't truncate output"),
      bool('quiet', 'q', 'Only show image IDs'),
      bool('tree', '', 'List multi-platform images as a tree (EXPERIMENTAL)'),
    ],
    run: (inv) => runImages(inv.cli, imagesOptions(inv)),
  };
}
