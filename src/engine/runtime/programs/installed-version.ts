// Which version of a language runtime is installed. The official images say so in their
// environment (`NODE_VERSION=22.14.0`, `PYTHON_VERSION=3.13.2`), set by the Dockerfile that built
// them; a runtime installed from the distribution instead (`apk add nodejs`, `apt-get install
// python3`) is known from the package database, as `apk info` and `dpkg -s` would tell.
import type { ProcessContext } from '../contract';

/** `22.13.1-r0` → `22.13.1`; `18.19.0+dfsg-6~deb12u2` → `18.19.0`; `3.11.2-1+b1` → `3.11.2`. */
export function upstreamVersion(packageVersion: string): string {
  return packageVersion.replace(/^\d+:/, '').split(/[-+~]/)[0]!;
}

function fromApk(ctx: ProcessContext, pkg: string): string | undefined {
  try {
    const db = ctx.fs.readText('/lib/apk/db/installed');
    for (const stanza of db.split('\n\n')) {
      const lines = stanza.split('\n');
      if (lines.includes(`P:${pkg}`)) return lines.find((l) => l.startsWith('V:'))?.slice(2);
    }
  } catch {
    // no apk database
  }
  return undefined;
}

function fromDpkg(ctx: ProcessContext, pkg: string): string | undefined {
  try {
    const db = ctx.fs.readText('/var/lib/dpkg/status');
    for (const stanza of db.split('\n\n')) {
      const lines = stanza.split('\n');
      if (lines.includes(`Package: ${pkg}`)) return lines.find((l) => l.startsWith('Version: '))?.slice(9);
    }
  } catch {
    // no dpkg database (or a binary stand-in for it)
  }
  return undefined;
}

/** The version from `envName`, else from the apk or dpkg package `pkg`, else `fallback`. */
export function installedVersion(ctx: ProcessContext, envName: string, pkg: string, fallback: string): string {
  const fromEnv = ctx.env.get(envName);
  if (fromEnv) return fromEnv;
  const packaged = fromApk(ctx, pkg) ?? fromDpkg(ctx, pkg);
  return packaged ? upstreamVersion(packaged) : fallback;
}
