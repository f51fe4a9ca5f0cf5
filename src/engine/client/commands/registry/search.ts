// `docker search nginx`: the daemon asks the registry's search API (`GET /images/search?term=nginx`)
// and the client prints what it found.
//
//   NAME      DESCRIPTION                                     STARS     OFFICIAL
//   nginx     Official build of nginx, the web server and …   20711     [OK]
import { parseReference } from '../../../reference';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter, int, string } from '../../cli/flag';
import { formatContext, formatRows } from '../../format/formatter';
import { goMarshal } from '../../format/go-json';
import { ellipsis } from '../../format/text';
import { filtersParam } from '../shared/filters';
import { authKey, encodeAuth } from '../shared/registry-auth';

export interface SearchOptions {
  term: string;
  filters: string[];
  format: string;
  limit: number;
  noTrunc: boolean;
}

interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated?: boolean;
}

const HEADER = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' };

function searchContext(result: SearchResult, trunc: boolean) {
  const description = () => {
    const text = result.description.replaceAll('\n', ' ').replaceAll('\r', ' ');
    return trunc ? ellipsis(text, 45) : text;
  };
  // In JSON, the flags read "true"/"false" rather than "[OK]".
  const json = () =>
    goMarshal({
      Description: description(),
      IsOfficial: String(result.is_official),
      Name: result.name,
      StarCount: String(result.star_count),
    });
  return formatContext(
    '*registry.searchContext',
    {
      Name: () => result.name,
      Description: description,
      StarCount: () => String(result.star_count),
      IsOfficial: () => (result.is_official ? '[OK]' : ''),
    },
    {},
    json,
  );
}

/** The registry a search term names (`registry.example.com/x` → registry.example.com), else the Hub. */
function searchDomain(term: string): string {
  try {
    const slash = term.indexOf('/');
    if (slash < 0) return 'docker.io';
    return parseReference(term).domain;
  } catch {
    return 'docker.io';
  }
}

export async function runSearch(cli: DockerCli, options: SearchOptions): Promise<void> {
  const config = await cli.config();
  const auth = encodeAuth(config.credentials(authKey(searchDomain(options.term))));
  const results = await cli.api.json<SearchResult[]>('GET', '/images/search', {
    query: {
      term: options.term,
      limit: options.limit > 0 ? String(options.limit) : undefined,
      filters: filtersParam(options.filters),
    },
    headers: { 'X-Registry-Auth': auth },
  });
  let format = options.format || 'table';
  if (format === 'table') format = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';
  const rows = (results ?? []).map((r) => searchContext(r, !options.noTrunc));
  cli.out.write(formatRows(format, rows, HEADER));
}

export function searchCommand(): CommandSpec {
  return {
    name: 'search',
    use: 'search [OPTIONS] TERM',
    short: 'Search Docker Hub for images',
    top: 10,
    args: exactArgs(1),
    flags: [
      filter('filter', 'f', 'Filter output based on conditions provided'),
      string('format', '', 'Pretty-print search using a Go template'),
      int('limit', '', 'Max number of search results'),
      bool('no-trunc', '', "Don't truncate output"),
    ],
    run: ({ cli, args, flags }) =>
      runSearch(cli, {
        term: args[0]!,
        filters: flags.list('filter'),
        format: flags.string('format'),
        limit: flags.number('limit'),
        noTrunc: flags.bool('no-trunc'),
      }),
  };
}
