// Docker Hub's search service, the one part of the old "index" API dockerd still uses: `docker
// search nginx` makes the daemon ask `https://index.docker.io/v1/search?q=nginx&n=25`. In the
// simulated world this handler answers for `index.docker.io`, searching the repositories the hub
// registry holds — the official images under `library/` and whatever users pushed — with the
// result shape Docker Hub returns:
//
//   {"num_pages":1,"num_results":1,"results":[{"name":"nginx","description":"…","star_count":20711,
//    "is_trusted":false,"is_automated":false,"is_official":true}],"page_size":25,"query":"nginx","page":1}
//
// Results are ranked the way a person expects: the exact name first, official images before
// others, then by stars. Star counts and descriptions of the official images are plausible
// values of early 2025, written for Dockyard.
import { utf8 } from '../bytes';
import type { RegistryState } from './state';
import type { Handler, WireResponse } from '../wire/message';
import { splitUrl } from '../wire/message';

interface Listing {
  description: string;
  stars: number;
}

/** What the hub says about each official repository (by name under `library/`). */
export const officialListings: Readonly<Record<string, Listing>> = {
  alpine: {
    description: 'A minimal image based on Alpine Linux, with a package index and only a few MB in size',
    stars: 11_180,
  },
  busybox: { description: 'BusyBox: many common UNIX utilities in one small executable', stars: 3_330 },
  debian: { description: 'Debian, the universal operating system, built only from free software', stars: 5_120 },
  'hello-world': { description: 'Hello World! The smallest example of a containerized program', stars: 2_420 },
  httpd: { description: 'The Apache HTTP Server, from the Apache Software Foundation', stars: 4_830 },
  nginx: { description: 'Official build of nginx, the web server and reverse proxy', stars: 20_711 },
  node: { description: 'Node.js: JavaScript on the server, for networked applications', stars: 13_690 },
  python: { description: 'Python, an interpreted, interactive, object-oriented programming language', stars: 9_930 },
  redis: { description: 'Redis, the in-memory data store used as a database, cache and message broker', stars: 13_040 },
  ubuntu: { description: 'Ubuntu, a Debian-based Linux distribution built on free software', stars: 17_640 },
};

export interface HubSearchResult {
  name: string;
  description: string;
  star_count: number;
  is_trusted: boolean;
  is_automated: boolean;
  is_official: boolean;
}

function json(status: number, value: unknown): WireResponse {
  const body = utf8(JSON.stringify(value));
  return { status, headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, body };
}

/** Search the hub's repositories for `term` (a substring of the name or the description). */
export function searchHub(state: RegistryState, term: string): HubSearchResult[] {
  const wanted = term.toLowerCase();
  const results: HubSearchResult[] = [];
  for (const path of state.catalog()) {
    const official = path.startsWith('library/') && !path.slice('library/'.length).includes('/');
    const name = official ? path.slice('library/'.length) : path;
    const listing = official ? officialListings[name] : undefined;
    const description = listing?.description ?? '';
    if (!name.includes(wanted) && !description.toLowerCase().includes(wanted)) continue;
    results.push({
      name,
      description,
      star_count: listing?.stars ?? 0,
      is_trusted: false,
      is_automated: false,
      is_official: official,
    });
  }
  const rank = (r: HubSearchResult) => (r.name === wanted || r.name.endsWith(`/${wanted}`) ? 0 : 1);
  return results.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(b.is_official) - Number(a.is_official) ||
      b.star_count - a.star_count ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** The handler for `index.docker.io`: `/v1/search` over the hub registry's state. */
export function createHubIndex(state: RegistryState): Handler {
  return async (request) => {
    const { path, query } = splitUrl(request.url);
    if (request.method.toUpperCase() !== 'GET') return json(405, { detail: 'Method not allowed' });
    if (path === '/v1/_ping') return json(200, true);
    if (path !== '/v1/search') return json(404, { detail: 'Not found' });
    const term = query.get('q') ?? '';
    const pageSize = Math.min(100, Math.max(1, Number.parseInt(query.get('n') ?? '25', 10) || 25));
    const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
    const all = searchHub(state, term);
    return json(200, {
      num_pages: Math.max(1, Math.ceil(all.length / pageSize)),
      num_results: all.length,
      results: all.slice((page - 1) * pageSize, page * pageSize),
      page_size: pageSize,
      query: term,
      page,
    });
  };
}
