// A fixed small layer and the digests it must have. Node (layer.test.ts) and real Chromium
// (layer.browser.test.ts) both build it and compare against these same constants: if they agree, the
// tar writer, fflate's gzip and WebCrypto give byte-identical layers in both places — which is what
// lets a layer built in the browser match one built by the test suite, or pushed by a real client.
// Changing anything here (or in how layers are written) changes the constants; that is the point.
import { utf8, type Bytes } from '../bytes';
import type { Digest } from '../digest';
import type { FsEntry } from './entry';

const T = 1700000000; // 2023-11-14T22:13:20Z

/** 40 KiB of deterministic, partly compressible bytes (Math.imul: exact on every engine). */
function pseudoRandom(length: number, seed: number): Bytes {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = i % 3 === 0 ? 0x2e : x >>> 24;
  }
  return bytes;
}

const dir = (path: string, mode = 0o755): FsEntry => ({ path, type: 'dir', mode, uid: 0, gid: 0, mtime: T });
const file = (path: string, content: Bytes, mode = 0o644): FsEntry => ({
  path,
  type: 'file',
  mode,
  uid: 0,
  gid: 0,
  mtime: T,
  content,
});

export const LONG_NAME = `srv/www/${'assets-'.repeat(20)}bundle.min.js`;
export const UNICODE_NAME = 'srv/www/café ☕/naïve.txt';

export const fixtureEntries: readonly FsEntry[] = [
  dir('etc'),
  file('etc/os-release', utf8('NAME="Dockyard Linux"\nID=dockyard\nVERSION_ID=1.0\n')),
  file('etc/.wh.motd', new Uint8Array(0)),
  dir('usr'),
  dir('usr/bin'),
  file('usr/bin/hello', pseudoRandom(40 * 1024, 42), 0o755),
  { path: 'usr/bin/hi', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, linkname: 'hello' },
  { path: 'usr/bin/hello-again', type: 'hardlink', mode: 0o755, uid: 0, gid: 0, mtime: T, linkname: 'usr/bin/hello' },
  dir('srv'),
  dir('srv/www', 0o750),
  file(LONG_NAME, utf8('console.log("hello from a long name");\n')),
  dir('srv/www/café ☕'),
  { ...file(UNICODE_NAME, utf8('¡Hola, 世界!\n')), uid: 1000, gid: 1000 },
];

/** sha256 of the tar.gz: the layer digest a manifest would list. */
export const FIXTURE_DIGEST = 'sha256:ebeec06fdfae9e70507adcc8cea84d32454317ae5e6df064a383f6ea308d794c' as Digest;
/** sha256 of the uncompressed tar: the DiffID a config would list. */
export const FIXTURE_DIFF_ID = 'sha256:1efe181dcebef42beafd198a187dedcace058eef347c908f711b9a7df2674614' as Digest;
/** Bytes of the tar.gz. */
export const FIXTURE_SIZE = 33558;
/** Bytes of the tar: 104 blocks of 512. */
export const FIXTURE_UNCOMPRESSED_SIZE = 53248;
