// `docker search` inside the daemon (moby `daemon/pkg/registry/search.go`). The term may name a
// registry (`registry.example.com/team`); otherwise it searches Docker Hub, whose search lives on
// the index host: `GET https://index.docker.io/v1/search?q=nginx&n=25` with `X-Docker-Token: true`.
// Other registries are pinged first (`/v1/_ping`), then asked the same question — most registries,
// ours included, do not implement search and answer 404, which dockerd reports as
// `unexpected status code 404`. Filters (`is-official`, `stars`) are applied by the daemon, and
// `is_automated` is always false (the field is deprecated).
import { readBody } from '../../wire/message';
import { DaemonError } from '../api/errors';
import type { DaemonContext } from '../context';
import type { FilterArgs } from '../filters';
import { DOCKER_HUB_INDEX_HOST, isDockerHub } from './endpoint';
import { queryEscape } from './query';
import { RequestError, requestOp } from './registry-errors';

/** One result as the Engine API returns it (registry.SearchResult, fields in Go's order). */
export interface SearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

export interface SearchOptions {
  term: string;
  /** 0 means the default, 25. */
  limit: number;
  filters: FilterArgs;
  userAgent: string;
}

const DEFAULT_LIMIT = 25;

/** `registry.example.com/team` → its index and the remote term (splitReposSearchTerm). */
function splitTerm(term: string): { index: string; remote: string } {
  const slash = term.indexOf('/');
  const first = slash < 0 ? term : term.slice(0, slash);
  if (slash < 0 || (!first.includes('.') && !first.includes(':') && first !== 'localhost')) {
    return { index: 'docker.io', remote: term };
  }
  return { index: first, remote: term.slice(slash + 1) };
}

function starsFilter(filters: FilterArgs): number {
  let stars = 0;
  for (const text of filters.get('stars')) {
    if (!/^[+-]?\d+$/.test(text)) {
      throw DaemonError.invalidParameter(
        `invalid filter 'stars=${text}': strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`,
      );
    }
    stars = Math.max(stars, Number.parseInt(text, 10));
  }
  return stars;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export async function searchImages(ctx: DaemonContext, options: SearchOptions): Promise<SearchResult[]> {
  const { filters } = options;
  filters.validate(['is-automated', 'is-official', 'stars']);
  if (filters.boolOrDefault('is-automated', false)) return [];
  const official = filters.boolOrDefault('is-official', false);
  const stars = starsFilter(filters);
  if (options.term.includes('://')) {
    throw DaemonError.invalidParameter(
      `invalid repository name: repository name (${options.term}) should not have a scheme`,
    );
  }
  const { index, remote } = splitTerm(options.term);
  const hub = isDockerHub(index);
  const term = hub ? remote.replace(/^library\//, '') : remote;
  const limit = options.limit === 0 ? DEFAULT_LIMIT : options.limit;
  if (limit < 1 || limit > 100) throw DaemonError.invalidParameter(`limit ${limit} is outside the range of [1, 100]`);

  const host = hub ? DOCKER_HUB_INDEX_HOST : index;
  const headers = { 'User-Agent': options.userAgent, 'X-Docker-Token': 'true' };
  const exchange = async (url: string) => {
    try {
      return await ctx.transport(host, { method: 'GET', url, headers });
    } catch (err) {
      throw new RequestError(requestOp('GET'), `https://${host}${url}`, err as Error);
    }
  };
  if (!hub) {
    try {
      await readBody((await exchange('/v1/_ping')).body);
    } catch (err) {
      throw DaemonError.invalidParameter(`invalid registry endpoint https://${host}/v1/: ${(err as Error).message}`);
    }
  }
  let response;
  try {
    response = await exchange(`/v1/search?q=${queryEscape(term)}&n=${limit}`);
  } catch (err) {
    throw DaemonError.system((err as Error).message);
  }
  const body = await readBody(response.body);
  if (response.status !== 200) throw DaemonError.system(`unexpected status code ${response.status}`);
  let parsed: Record<string, unknown>;
  try {
    parsed = asRecord(JSON.parse(new TextDecoder().decode(body)));
  } catch {
    throw DaemonError.system('error decoding registry search results: invalid JSON');
  }
  const results = Array.isArray(parsed.results) ? parsed.results.map(asRecord) : [];
  return results
    .map((r) => ({
      star_count: typeof r.star_count === 'number' ? r.star_count : 0,
      is_official: r.is_official === true,
      name: typeof r.name === 'string' ? r.name : '',
      is_automated: false,
      description: typeof r.description === 'string' ? r.description : '',
    }))
    .filter(
      (r) =>
        (!filters.contains('is-official') || r.is_official === official) &&
        (!filters.contains('stars') || r.star_count >= stars),
    );
}
