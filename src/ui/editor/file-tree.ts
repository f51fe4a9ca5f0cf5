// The editor's file list: the student's home directory on the laptop, as rows to draw (name,
// depth, file or folder), and which language a file is highlighted in — Dockerfiles by their
// names, as Docker itself finds them (`Dockerfile`, `Containerfile`, `web.Dockerfile`).
import type { WorkspaceFiles } from '../workspace/contracts';

export const HOME = '/home/student';

export interface TreeRow {
  path: string;
  name: string;
  /** 0 for entries directly in the home directory. */
  depth: number;
  kind: 'file' | 'dir';
}

export function treeRows(files: Pick<WorkspaceFiles, 'walk' | 'stat' | 'exists'>, root = HOME): TreeRow[] {
  if (!files.exists(root)) return [];
  const rows: TreeRow[] = [];
  for (const path of files.walk(root)) {
    const kind = files.stat(path)?.kind;
    if (kind !== 'file' && kind !== 'dir') continue;
    const relative = path.slice(root.length + 1);
    const parts = relative.split('/');
    rows.push({ path, name: parts.at(-1)!, depth: parts.length - 1, kind });
  }
  return rows;
}

export type EditorLanguage = 'dockerfile' | 'plain';

export function languageOf(path: string): EditorLanguage {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(Dockerfile|Containerfile)(\..+)?$|\.(dockerfile|containerfile)$/i.test(name) ? 'dockerfile' : 'plain';
}

/** A new file's absolute path from what the student typed (relative to home, or absolute). */
export function newFilePath(typed: string, root = HOME): string | { error: string } {
  const name = typed.trim();
  if (!name) return { error: 'Type a file name, e.g. Dockerfile or app/index.html.' };
  if (name.endsWith('/')) return { error: `${name} is a directory name; add a file name after it.` };
  const path = name.startsWith('/') ? name : `${root}/${name.replace(/^\.\//, '')}`;
  if (path.split('/').some((part) => part === '..')) return { error: 'Use a path inside your home directory.' };
  return path.replace(/\/{2,}/g, '/');
}
