// Listing endpoints (spec end-8a/8b and distribution's `_catalog`): tags of a repository and the
// repositories of a registry, sorted, paginated with `n` (how many) and `last` (start after), with
// a `Link: <…>; rel="next"` header when more remain.
import type { WireResponse } from '../wire/message';
import { RegistryError } from './errors';
import { jsonResponse } from './headers';
import type { RegistryState } from './state';

function page(all: string[], query: URLSearchParams, path: string): { items: string[]; link?: string } {
  const nText = query.get('n');
  const last = query.get('last');
  let items = last ? all.filter((x) => x > last) : all;
  if (nText === null || nText === '') return { items };
  if (!/^\d+$/.test(nText)) throw new RegistryError('PAGINATION_NUMBER_INVALID', { n: nText });
  const n = Number(nText);
  const more = items.length > n;
  items = items.slice(0, n);
  if (!more || items.length === 0) return { items };
  const next = `${path}?last=${encodeURIComponent(items[items.length - 1]!)}&n=${n}`;
  return { items, link: `<${next}>; rel="next"` };
}

export function listTags(state: RegistryState, name: string, query: URLSearchParams): WireResponse {
  const repo = state.repository(name);
  if (!repo || (repo.manifests.size === 0 && repo.tags.size === 0)) {
    throw new RegistryError('NAME_UNKNOWN', { name });
  }
  const { items, link } = page([...repo.tags.keys()].sort(), query, `/v2/${name}/tags/list`);
  return jsonResponse(200, { name, tags: items }, link ? { Link: link } : {});
}

export function listCatalog(state: RegistryState, query: URLSearchParams): WireResponse {
  const { items, link } = page(state.catalog(), query, '/v2/_catalog');
  return jsonResponse(200, { repositories: items }, link ? { Link: link } : {});
}
