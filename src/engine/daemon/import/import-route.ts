// The import half of `POST /images/create` (moby postImagesCreate without `fromImage`):
//
//   POST /images/create?fromSrc=-&repo=myimage:v1&message=…&changes=CMD%20%5B%22sh%22%5D
//        body: the tar                       → {"status":"sha256:<image ID>"}
//   POST /images/create?fromSrc=http://files.example.com/rootfs.tar
//                                            → {"status":"Downloading from http://…"}
//                                              {"status":"sha256:<image ID>"}
//
// `repo` (and `tag`) name the image as `docker tag` would (a digest is `cannot import digest
// reference`, 400); `platform` records another platform than the daemon's (API ≥ 1.32). Errors
// before anything is written are plain Engine API errors; once the download has been announced
// they travel in the stream, as `{"errorDetail":{"message":…},"error":…}`.
import { concatBytes, utf8, type Bytes } from '../../bytes';
import { parseRepoTag, type ImageReference } from '../../reference';
import { readBody, splitUrl, type WireRequest, type WireResponse } from '../../wire/message';
import { asDaemonError, DaemonError } from '../api/errors';
import { apiVersionOf } from '../api/router';
import { goEscapedJson } from '../api/responses';
import type { DaemonContext } from '../context';
import { parsePlatformOption } from '../distribution/platform-option';
import { TransportError } from '../distribution/transport';
import { compareApiVersions } from '../version';
import { importImage } from './import-image';

const status = (text: string): Bytes => utf8(goEscapedJson({ status: text }) + '\r\n');
const failure = (message: string): Bytes => utf8(goEscapedJson({ errorDetail: { message }, error: message }) + '\r\n');
const json = (body: Bytes): WireResponse => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body });

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** remotecontext.GetWithStatusError over the daemon's transport: the bytes at `url`, or Go's error. */
async function download(ctx: DaemonContext, url: URL, address: string): Promise<Bytes> {
  let answer: WireResponse;
  try {
    answer = await ctx.transport(url.host, {
      method: 'GET',
      url: url.pathname + url.search,
      headers: { Host: url.host, 'User-Agent': 'Go-http-client/1.1' },
    });
  } catch (err) {
    if (err instanceof TransportError) throw DaemonError.system(`Get "${address}": ${err.message}`);
    throw err;
  }
  const body = await readBody(answer.body);
  if (answer.status >= 400) {
    const text = new TextDecoder().decode(body).trim();
    const message = `failed to GET ${address} with status ${answer.status} ${STATUS_TEXT[answer.status] ?? ''}: ${text}`;
    // errdefs by status: 400, 401, 403 and 404 keep theirs; anything else is unknown (500).
    throw new DaemonError([400, 401, 403, 404].includes(answer.status) ? answer.status : 500, message);
  }
  return body;
}

export async function postImagesImport(ctx: DaemonContext, req: WireRequest): Promise<WireResponse> {
  const { query } = splitUrl(req.url);
  const platformText = query.get('platform') ?? '';
  const platform =
    platformText !== '' && compareApiVersions(apiVersionOf(req), '1.32') >= 0
      ? parsePlatformOption(platformText, ctx.platform)
      : { ...ctx.platform };
  const src = query.get('fromSrc') ?? '';
  let ref: ImageReference | undefined;
  try {
    ref = parseRepoTag(query.get('repo') ?? '', query.get('tag') ?? '');
  } catch (err) {
    throw DaemonError.invalidParameter(asDaemonError(err).message);
  }
  const comment = query.get('message') || `Imported from ${src}`;
  const changes = query.getAll('changes');
  if (src === '-') {
    const archive = await readBody(req.body);
    const id = await importImage(ctx, { archive, ref, comment, changes, platform });
    return json(status(id));
  }
  const address = src.includes('://') ? src : `http://${src}`;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw DaemonError.invalidParameter(`parse "${address}": invalid URL`);
  }
  const archive = await download(ctx, url, address);
  const announced = status(`Downloading from ${address}`);
  try {
    const id = await importImage(ctx, { archive, ref, comment, changes, platform });
    return json(concatBytes([announced, status(id)]));
  } catch (err) {
    return json(concatBytes([announced, failure(asDaemonError(err).message)]));
  }
}
