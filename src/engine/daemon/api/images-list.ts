// `GET /images/json` — `docker images`. Filters (moby's classic ImageService.Images):
//
//   dangling=true|false  only / no images without a tag (digest-only images count as dangling)
//   label=k / label=k=v  images whose config carries the label
//   before=IMG, since=IMG  created strictly before / after that image
//   until=TIME           created before a time (`24h`, a date, Unix seconds)
//   reference=PATTERN    names matching a shell pattern (`alpine`, `demo/*`, `alpine:3*`); only the
//                        matching names are listed for each image
//
// With `all=1` images that are only parents of others (intermediate build images) are listed too.
import type { ImageRecord } from '../image-store';
import type { DaemonContext } from '../context';
import { FilterArgs, invalidFilterText } from '../filters';
import { BadPatternError, globMatch } from '../glob';
import { compareApiVersions } from '../version';
import { splitUrl } from '../../wire/message';
import { familiarName, familiarString, parseReference } from '../../reference';
import { parseFilterTime, TimestampError } from '../timestamps';
import { DaemonError } from './errors';
import { findImage } from './image-lookup';
import { byCreatedDescending, createdSeconds, imageSummary, sharedSize, type ImageSummary } from './image-summary';
import { boolParam, jsonResponse } from './responses';
import type { Route } from './route';
import { apiVersionOf } from './router';

const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference', 'until'];

/** moby's reference.FamiliarMatch: the pattern against `alpine:latest`, then against `alpine`. */
function referenceMatches(patterns: string[], fullRef: string): boolean {
  const ref = parseReference(fullRef);
  return patterns.some((pattern) => {
    try {
      return globMatch(pattern, familiarString(ref)) || globMatch(pattern, familiarName(ref));
    } catch (err) {
      if (err instanceof BadPatternError) throw DaemonError.system(err.message);
      throw err;
    }
  });
}

function createdBound(ctx: DaemonContext, filters: FilterArgs, key: 'before' | 'since'): number | undefined {
  const values = filters.get(key);
  if (values.length === 0) return undefined;
  return createdSeconds(findImage(ctx, values.at(-1)!).config.created);
}

function untilBound(ctx: DaemonContext, filters: FilterArgs): number | undefined {
  const values = filters.get('until');
  if (values.length === 0) return undefined;
  if (values.length > 1) throw DaemonError.invalidParameter('more than one until filter specified');
  try {
    return parseFilterTime(values[0]!, ctx.now()) / 1000;
  } catch (err) {
    if (err instanceof TimestampError) throw DaemonError.invalidParameter(err.message);
    throw err;
  }
}

export function listImages(ctx: DaemonContext, filters: FilterArgs, all: boolean, apiVersion: string): ImageSummary[] {
  filters.validate(ACCEPTED);
  let danglingOnly = false;
  if (filters.contains('dangling')) {
    if (filters.exactMatch('dangling', 'true')) danglingOnly = true;
    else if (!filters.exactMatch('dangling', 'false')) {
      throw DaemonError.invalidParameter(invalidFilterText('dangling', filters.get('dangling')));
    }
  }
  const before = createdBound(ctx, filters, 'before');
  const since = createdBound(ctx, filters, 'since');
  const until = untilBound(ctx, filters);
  const images = ctx.store.list();
  const isParent = (image: ImageRecord) => ctx.store.children(image.id).length > 0;
  const patterns = filters.get('reference');
  const out: ImageSummary[] = [];
  for (const image of images) {
    if (danglingOnly && isParent(image)) continue;
    const created = createdSeconds(image.config.created);
    if (before !== undefined && created >= before) continue;
    if (since !== undefined && created <= since) continue;
    if (until !== undefined && created > until) continue;
    if (filters.contains('label') && !filters.matchKeyValues('label', image.config.config?.Labels)) continue;
    const keep = (ref: string) => patterns.length === 0 || referenceMatches(patterns, ref);
    const repoTags = image.repoTags.filter(keep);
    const repoDigests = image.repoDigests.filter(keep);
    if (danglingOnly && repoTags.length > 0) continue;
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if ((!all && isParent(image)) || (filters.contains('dangling') && !danglingOnly) || patterns.length > 0) continue;
    }
    out.push(imageSummary(image, { repoTags, repoDigests }));
  }
  if (compareApiVersions(apiVersion, '1.43') < 0) {
    for (const summary of out) {
      if (summary.RepoTags.length === 0 && summary.RepoDigests.length === 0) {
        summary.RepoTags = ['<none>:<none>'];
        summary.RepoDigests = ['<none>@<none>'];
      }
    }
  }
  return out.sort(byCreatedDescending);
}

export const imagesListRoute: Route = {
  method: 'GET',
  pattern: /^\/images\/json$/,
  async handle(ctx, req) {
    const { query } = splitUrl(req.url);
    const summaries = listImages(
      ctx,
      FilterArgs.fromJson(query.get('filters')),
      boolParam(query, 'all'),
      apiVersionOf(req),
    );
    if (boolParam(query, 'shared-size')) {
      const all = ctx.store.list();
      for (const s of summaries)
        s.SharedSize = sharedSize(
          all.find((i) => i.id === s.Id)!,
          all,
        );
    }
    return jsonResponse(200, summaries);
  },
};
