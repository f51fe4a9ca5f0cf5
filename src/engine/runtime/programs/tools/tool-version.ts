// The version of an installed tool, as its own `--version` prints it: from the package database
// (apk's or dpkg's record of the package), and otherwise from the package index of the image's
// release — `git` in node:22 comes from buildpack-deps' Debian git package, for instance.
import type { ProcessContext } from '../../contract';
import { alpineIndex, isAlpineBranch } from '../../packages/alpine-index';
import { bookwormIndex } from '../../packages/debian-index';
import { detectDistro } from '../../packages/distro';
import { nobleIndex } from '../../packages/ubuntu-index';
import { installedVersion, upstreamVersion } from '../installed-version';

export function toolVersion(ctx: ProcessContext, pkg: string, fallback: string): string {
  const distro = detectDistro(ctx.fs);
  let known: string | undefined;
  if (distro?.family === 'alpine' && isAlpineBranch(distro.branch))
    known = alpineIndex(distro.branch).find(pkg)?.version;
  else if (distro?.family === 'debian')
    known = (distro.codename === 'noble' ? nobleIndex : bookwormIndex).find(pkg)?.version;
  return installedVersion(ctx, '', pkg, known ? upstreamVersion(known) : fallback);
}

export function isAlpine(ctx: ProcessContext): boolean {
  return detectDistro(ctx.fs)?.family === 'alpine';
}
