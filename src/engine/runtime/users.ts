// Users and groups are just lines in two files of the image: /etc/passwd (`root:x:0:0:root:/root:
// /bin/sh`) and /etc/group (`wheel:x:10:root`). The kernel knows only numbers; `id`, `ls -l`, `ps`
// and `whoami` turn them into names by reading these files, and `docker run --user nginx` is
// resolved against the image's passwd file before the process starts (runc's user lookup).

import type { Overlay } from '../layer/overlay';
import { isFsError } from '../layer/fs-errors';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function readLines(fs: Overlay, path: string): string[] {
  try {
    return fs.readText(path).split('\n');
  } catch (err) {
    if (isFsError(err)) return [];
    throw err;
  }
}

/** The accounts of /etc/passwd, in file order; malformed lines are skipped, as libc does. */
export function readPasswd(fs: Overlay): PasswdEntry[] {
  return readLines(fs, '/etc/passwd').flatMap((line) => {
    const f = line.split(':');
    if (f.length < 7 || !/^\d+$/.test(f[2] ?? '') || !/^\d+$/.test(f[3] ?? '')) return [];
    const [name, , uid, gid, gecos, home, shell] = f as [string, string, string, string, string, string, string];
    return [{ name, uid: Number(uid), gid: Number(gid), gecos, home, shell }];
  });
}

/** The groups of /etc/group, in file order. */
export function readGroups(fs: Overlay): GroupEntry[] {
  return readLines(fs, '/etc/group').flatMap((line) => {
    const f = line.split(':');
    if (f.length < 4 || !/^\d+$/.test(f[2] ?? '')) return [];
    const members = (f[3] ?? '').split(',').filter((m) => m !== '');
    return [{ name: f[0] as string, gid: Number(f[2]), members }];
  });
}

/** Name lookups for one filesystem, read once (an `ls -l` of a big directory asks many times). */
export class Accounts {
  readonly users: PasswdEntry[];
  readonly groups: GroupEntry[];

  constructor(fs: Overlay) {
    this.users = readPasswd(fs);
    this.groups = readGroups(fs);
  }

  userName(uid: number): string | undefined {
    return this.users.find((u) => u.uid === uid)?.name;
  }

  groupName(gid: number): string | undefined {
    return this.groups.find((g) => g.gid === gid)?.name;
  }

  user(nameOrUid: string): PasswdEntry | undefined {
    return /^\d+$/.test(nameOrUid)
      ? this.users.find((u) => u.uid === Number(nameOrUid))
      : this.users.find((u) => u.name === nameOrUid);
  }

  group(nameOrGid: string): GroupEntry | undefined {
    return /^\d+$/.test(nameOrGid)
      ? this.groups.find((g) => g.gid === Number(nameOrGid))
      : this.groups.find((g) => g.name === nameOrGid);
  }

  /** Supplementary groups of a user: its primary group, then every group listing it, by gid. */
  groupsOf(user: PasswdEntry | undefined, gid: number): number[] {
    const gids = new Set<number>([gid]);
    if (user !== undefined) for (const g of this.groups) if (g.members.includes(user.name)) gids.add(g.gid);
    return [...gids];
  }
}

/** `docker run --user` that names nobody: runc's error, which Docker reports when starting. */
export class UnknownUserError extends Error {
  override name = 'UnknownUserError';
}

export interface ResolvedUser {
  uid: number;
  gid: number;
  /** The home directory for `$HOME` ("/" when the user has no passwd entry). */
  home: string;
  /** Supplementary groups: the user's groups from /etc/group (`id` lists them). */
  groups: number[];
}

/**
 * Resolve a `--user` / `USER` value — `name`, `uid`, `name:group`, `uid:gid` — against the image's
 * files as runc does. Numeric ids need no entry; names must exist.
 */
export function resolveUser(fs: Overlay, spec = ''): ResolvedUser {
  const accounts = new Accounts(fs);
  const [userPart = '', groupPart] = spec === '' ? ['root'] : spec.split(':');
  const entry = accounts.user(userPart === '' ? 'root' : userPart);
  let uid: number;
  if (entry !== undefined) uid = entry.uid;
  else if (/^\d+$/.test(userPart)) uid = Number(userPart);
  else if (userPart === 'root' && spec === '') uid = 0;
  else throw new UnknownUserError(`unable to find user ${userPart}: no matching entries in passwd file`);
  let gid = entry?.gid ?? 0;
  if (groupPart !== undefined && groupPart !== '') {
    const group = accounts.group(groupPart);
    if (group !== undefined) gid = group.gid;
    else if (/^\d+$/.test(groupPart)) gid = Number(groupPart);
    else throw new UnknownUserError(`unable to find group ${groupPart}: no matching entries in group file`);
  }
  const groups = groupPart === undefined ? accounts.groupsOf(entry, gid) : [gid];
  return { uid, gid, home: entry?.home ?? '/', groups };
}
