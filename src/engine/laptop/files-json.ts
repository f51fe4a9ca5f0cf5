// The laptop's files as JSON, for the world's snapshot in IndexedDB: one entry per path, parents
// before children, file contents in base64. Loading checks everything before it builds anything —
// the shape (valibot), clean absolute paths, a parent for every entry, no path twice, valid base64,
// the disk's limits — so bad data gives one clear error and never a half-built tree.
import * as v from 'valibot';
import type { Bytes } from '../bytes';
import type { TreeNode } from './files';
import { baseName, normalizePath, parentOf } from './laptop-path';

const EntrySchema = v.variant('kind', [
  v.object({
    path: v.string(),
    kind: v.literal('dir'),
    mode: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0o7777)),
    mtime: v.pipe(v.number(), v.finite()),
  }),
  v.object({
    path: v.string(),
    kind: v.literal('file'),
    mode: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0o7777)),
    mtime: v.pipe(v.number(), v.finite()),
    data: v.pipe(v.string(), v.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/)),
  }),
]);

const FilesDataSchema = v.object({
  version: v.literal(1),
  entries: v.array(EntrySchema),
});

export type FilesData = v.InferOutput<typeof FilesDataSchema>;
type Entry = FilesData['entries'][number];
type DirNode = Extract<TreeNode, { kind: 'dir' }>;

export class FilesDataError extends Error {
  override name = 'FilesDataError';
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The tree below `root` as entries; the root itself is the first. */
export function writeFilesData(root: DirNode): FilesData {
  const entries: Entry[] = [];
  const visit = (node: TreeNode, path: string) => {
    if (node.kind === 'file') {
      entries.push({ path, kind: 'file', mode: node.mode, mtime: node.mtime, data: toBase64(node.data) });
      return;
    }
    entries.push({ path, kind: 'dir', mode: node.mode, mtime: node.mtime });
    const names = [...node.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) visit(node.children.get(name) as TreeNode, `${path === '/' ? '' : path}/${name}`);
  };
  visit(root, '/');
  return { version: 1, entries };
}

/** Check and build a tree; throws FilesDataError saying what is wrong. */
export function readFilesData(
  data: unknown,
  limits: { maxFile: number; maxTree: number },
): { root: DirNode; used: number } {
  const parsed = v.safeParse(FilesDataSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new FilesDataError(`invalid laptop files${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  const [first, ...rest] = parsed.output.entries;
  if (!first || first.path !== '/' || first.kind !== 'dir') {
    throw new FilesDataError('invalid laptop files: the first entry must be the root directory "/"');
  }
  const root: DirNode = { kind: 'dir', children: new Map(), mode: first.mode, mtime: first.mtime };
  const dirs = new Map<string, DirNode>([['/', root]]);
  let used = 0;
  for (const entry of rest) {
    const { path } = entry;
    if (path === '/' || normalizePath(path) !== path)
      throw new FilesDataError(`invalid laptop files: bad path "${path}"`);
    const parent = dirs.get(parentOf(path));
    if (!parent) throw new FilesDataError(`invalid laptop files: "${path}" comes before its directory`);
    const name = baseName(path);
    if (parent.children.has(name)) throw new FilesDataError(`invalid laptop files: "${path}" appears twice`);
    if (entry.kind === 'dir') {
      const dir: DirNode = { kind: 'dir', children: new Map(), mode: entry.mode, mtime: entry.mtime };
      parent.children.set(name, dir);
      dirs.set(path, dir);
      continue;
    }
    const bytes = fromBase64(entry.data);
    used += bytes.length;
    if (bytes.length > limits.maxFile || used > limits.maxTree) {
      throw new FilesDataError(`invalid laptop files: "${path}": No space left on device`);
    }
    parent.children.set(name, { kind: 'file', data: bytes, mode: entry.mode, mtime: entry.mtime });
  }
  return { root, used };
}
