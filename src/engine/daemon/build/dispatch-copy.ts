// COPY and ADD (moby `dispatchCopy`, `dispatchAdd`, `performCopy`). No container is involved: the
// sources are checksummed first (copy-sources.ts), and the step is looked up in the cache by
//
//   /bin/sh -c #(nop) COPY [--chown=app ]file:<sum> in /app/          (note the trailing space)
//
// On a miss, the files are written onto a fresh layer over the current image (copy-apply.ts) and
// that layer is exported as the step's image. `COPY --from=<stage|index|image>` reads from an
// earlier stage's image — or any image, pulled if need be — instead of the context, and keeps the
// files' owners. `--chmod` needs BuildKit, which the classic builder says.
import type { AddCommand, CopyCommand } from '../../dockerfile';
import { StageError } from '../../dockerfile';
import { commitUpper } from '../../layer/overlay-commit';
import { Overlay } from '../../layer/overlay';
import { emptySnapshot } from '../../layer/snapshot';
import { getImage } from './base-image';
import { parseChown } from './chown';
import { normalizeDest, performCopyForInfo, type Identity } from './copy-apply';
import { calcCopyInfo, imageSource, type CopyInfo, type CopySource } from './copy-sources';
import { requiresBuildKit } from './dispatch-run';
import { downloadSource, isUrl } from './remote-source';
import { copyRunConfig, withCmdCommentString } from './run-config';
import type { BuildSession } from './session';
import type { DispatchState } from './state';
import { sourceHash } from './tarsum';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `COPY --from=<value>`: a finished stage by name or index, else an image (getImageMount). */
async function fromSource(b: BuildSession, from: string): Promise<CopySource> {
  const target = b.stages.resolveCopyFrom(from);
  if (target.kind === 'stage') return imageSource(b.ctx.store, b.stageImages[target.index] ?? '');
  try {
    const image = await getImage(b.fetch, target.ref, false, b.platform);
    return imageSource(b.ctx.store, image.id);
  } catch (err) {
    throw new StageError(`invalid from flag value ${from}: ${messageOf(err)}`);
  }
}

async function copyInfos(
  b: BuildSession,
  c: CopyCommand | AddCommand,
  source: CopySource,
  name: string,
): Promise<CopyInfo[]> {
  const infos: CopyInfo[] = [];
  try {
    for (const orig of c.sourcePaths) {
      if (!isUrl(orig)) infos.push(...(await calcCopyInfo(source, orig)));
      else if (c.kind === 'copy') throw new Error("source can't be a URL for COPY");
      else infos.push(await downloadSource(b.ctx.transport, b.out, orig, c.destPath, b.fetch.userAgent));
    }
    if (infos.length === 0) throw new Error('no source files were specified');
  } catch (err) {
    throw new StageError(`${name} failed: ${messageOf(err)}`);
  }
  if (infos.length > 1 && !c.destPath.endsWith('/')) {
    throw new StageError(
      `When using ${name} with more than one source file, the destination must be a directory and end with a /`,
    );
  }
  return infos;
}

export async function dispatchCopy(b: BuildSession, s: DispatchState, c: CopyCommand | AddCommand): Promise<void> {
  if (c.chmod !== '') throw requiresBuildKit('chmod');
  const name = c.kind === 'copy' ? 'COPY' : 'ADD';
  const from = c.kind === 'copy' ? c.from : '';
  const source = from !== '' ? await fromSource(b, from) : b.contextSource();
  const infos = await copyInfos(b, c, source, name);
  const chownComment = c.chown !== '' ? `--chown=${c.chown} ` : '';
  const comment = `${name} ${chownComment}${await sourceHash(infos.map((i) => i.hash))} in ${c.destPath} `;
  const config = copyRunConfig(s.runConfig, withCmdCommentString(comment));
  if (b.probeCache(s, config)) return;
  const parent = s.imageId === '' ? emptySnapshot() : await b.ctx.store.snapshot(s.imageId);
  const dest = new Overlay(parent, { now: () => Math.floor(b.ctx.now() / 1000) });
  const destPath = normalizeDest(s.runConfig.WorkingDir, c.destPath);
  let identity: Identity | undefined = { uid: 0, gid: 0 };
  if (c.chown !== '') identity = parseChown(c.chown, dest);
  else if (from !== '') identity = undefined;
  for (const info of infos) {
    try {
      performCopyForInfo(dest, destPath, info, { decompress: c.kind === 'add', ...(identity ? { identity } : {}) });
    } catch (err) {
      throw new Error(`failed to copy files: ${messageOf(err)}`, { cause: err });
    }
  }
  await b.exportImage(s, commitUpper(dest), config);
}
