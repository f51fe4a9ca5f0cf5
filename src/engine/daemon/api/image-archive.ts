// `docker save` and `docker load` over the Engine API.
//
// `GET /images/get?names=…` (and `GET /images/{name}/get`) answers a tar (image/archive/save.ts)
// holding the named images. Which names go in, per moby's tarexport: a bare repository name saves
// every tag of that repository; `name:tag` that one tag (`reference does not exist` if unknown); an
// ID or `sha256:…` the image with no name.
//
// `POST /images/load` takes such a tar (or skopeo's, or an OCI layout) and always answers 200 with
// a stream: `Loaded image: alpine:latest` per name, `Loaded image ID: sha256:…` when the last image
// had no name, and a failure as an `errorDetail` message — a load never fails with an HTTP status.
// Nothing is registered until the whole archive has been read and verified.
import type { Bytes } from '../../bytes';
import { shortId, type Digest } from '../../digest';
import { parseConfig } from '../../image/config';
import { chainIds } from '../../image/identity';
import { loadArchive, saveImages, type LoadedImage, type SaveInput } from '../../image/archive';
import { familiarName, fullString, isNamed, isNameOnly, parseAnyReference } from '../../reference';
import { readBody, splitUrl } from '../../wire/message';
import type { DaemonContext } from '../context';
import { logImageEvent } from '../image-events';
import { noSuchImageMessage } from '../image-store';
import { searchIdPrefix } from '../image-store/lookup';
import { DaemonError, asDaemonError } from './errors';
import { encodeMessage, errorMessage, progressMessage } from '../distribution/json-message';
import { boolParamOr, streamResponse, streamText } from './responses';
import type { Route } from './route';

/** Which images (and under which full tags) `docker save NAME…` writes, in the order named. */
export function selectForSave(ctx: DaemonContext, names: readonly string[]): Map<Digest, string[]> {
  const chosen = new Map<Digest, string[]>();
  const add = (id: Digest, tag?: string) => {
    const tags = chosen.get(id) ?? [];
    if (tag !== undefined && !tags.includes(tag)) tags.push(tag);
    chosen.set(id, tags);
  };
  const ids = () => ctx.store.list().map((i) => i.id);
  for (const name of names) {
    const ref = parseAnyReference(name);
    if (!isNamed(ref)) {
      if (!ctx.store.get(ref.digest)) throw DaemonError.notFound(noSuchImageMessage(name));
      add(ref.digest);
      continue;
    }
    if (familiarName(ref) === 'sha256' || isNameOnly(ref)) {
      const tagged = isNameOnly(ref)
        ? ctx.store.list().flatMap((image) => tagsInRepository(image.repoTags, ref).map((t) => [image.id, t] as const))
        : [];
      if (tagged.length > 0) {
        for (const [id, tag] of tagged) add(id, tag);
        continue;
      }
      const id = searchIdPrefix(name, ids());
      if (id === undefined) throw DaemonError.notFound(`No such image: ${name}`);
      add(id);
      continue;
    }
    const image = ctx.store.resolve(fullString(ref));
    if (!image || (ref.digest === undefined && !image.repoTags.includes(fullString(ref)))) {
      throw DaemonError.notFound('reference does not exist');
    }
    add(image.id, ref.digest === undefined ? fullString(ref) : undefined);
  }
  return chosen;
}

function tagsInRepository(repoTags: readonly string[], repository: { domain: string; path: string }): string[] {
  const prefix = `${repository.domain}/${repository.path}:`;
  return repoTags.filter((t) => t.startsWith(prefix)).sort();
}

export async function saveArchive(ctx: DaemonContext, names: readonly string[]): Promise<Bytes> {
  const chosen = selectForSave(ctx, names);
  const inputs: SaveInput[] = [];
  for (const [id, repoTags] of chosen) {
    const image = ctx.store.get(id)!;
    const layers = await Promise.all(image.layers.map((l) => ctx.store.layerTar(l.chainId)));
    inputs.push({ config: image.configBytes, layers, repoTags });
  }
  const tar = await saveImages(inputs);
  for (const id of chosen.keys()) logImageEvent(ctx, id, id, 'save');
  return tar;
}

const saveRoute = (pattern: RegExp): Route => ({
  method: 'GET',
  pattern,
  async handle(ctx, req, match) {
    const names = match[1] !== undefined ? [match[1]] : splitUrl(req.url).query.getAll('names');
    return { status: 200, headers: { 'Content-Type': 'application/x-tar' }, body: await saveArchive(ctx, names) };
  },
});

/**
 * Register one loaded image: its layers, then its config; on failure, free what was registered.
 * `progress` hears of each layer that was not there yet (`Loading layer`, unless quiet).
 */
async function registerLoaded(
  ctx: DaemonContext,
  loaded: LoadedImage,
  progress: (diffId: Digest, size: number) => void,
): Promise<Digest> {
  const added: Digest[] = [];
  try {
    const chain = await chainIds(parseConfig(loaded.config).rootfs.diff_ids);
    let parent: Digest | undefined;
    for (const [i, tar] of loaded.layers.entries()) {
      const existed = chain[i] !== undefined && ctx.store.hasLayer(chain[i]);
      const layer = await ctx.store.addLayer(parent, tar);
      if (!existed) progress(layer.diffId, tar.length);
      added.push(layer.chainId);
      parent = layer.chainId;
    }
    return (await ctx.store.addImage(loaded.config)).id;
  } catch (err) {
    await ctx.store.releaseLayers(added.reverse());
    throw err;
  }
}

/** The messages of a load, as moby's tarexport.Load writes them to its stdout stream. */
export async function* loadMessages(ctx: DaemonContext, archive: Bytes, quiet = true): AsyncGenerator<Bytes> {
  try {
    const images = await loadArchive(archive);
    let idLines = '';
    let named = 0;
    for (const loaded of images) {
      const layerLines: Bytes[] = [];
      const id = await registerLoaded(ctx, loaded, (diffId, size) => {
        if (quiet) return;
        layerLines.push(encodeMessage(progressMessage(shortId(diffId), 'Loading layer', size, size)));
      });
      yield* layerLines;
      idLines += `Loaded image ID: ${id}\n`;
      named = 0;
      for (const tag of loaded.repoTags) {
        const previous = ctx.store.resolve(tag);
        if (previous && previous.id !== id) {
          yield streamText(
            `The image ${tag} already exists, renaming the old one with ID ${previous.id} to empty string\n`,
          );
        }
        ctx.store.tag(id, tag);
        yield streamText(`Loaded image: ${tag}\n`);
        named++;
      }
      logImageEvent(ctx, id, id, 'load');
    }
    if (named === 0 && idLines !== '') yield streamText(idLines);
  } catch (err) {
    yield encodeMessage(errorMessage(asDaemonError(err).message));
  }
}

const loadRoute: Route = {
  method: 'POST',
  pattern: /^\/images\/load$/,
  async handle(ctx, req) {
    const { query } = splitUrl(req.url);
    const quiet = boolParamOr(query, 'quiet', true);
    const archive = await readBody(req.body);
    return streamResponse(loadMessages(ctx, archive, quiet));
  },
};

export const imageArchiveRoutes: Route[] = [
  saveRoute(/^\/images\/get$/),
  saveRoute(/^\/images\/(.+)\/get$/),
  loadRoute,
];
