// `COPY --chown=user[:group]` and `ADD --chown`: the owner of what is copied, looked up in the
// image being built (moby `internals_unix.go` parseChownFlag). Numbers are taken as they are;
// names are read from that image's /etc/passwd and /etc/group. A group left out is the *user's
// name* looked up as a group — `--chown=app` needs a group called `app`, as in Docker.
//
//   unable to convert uid/gid chown string to host mapping: can't find uid for user nobody2: no such user: nobody2
import type { Overlay } from '../../layer/overlay';
import { readGroups, readPasswd } from '../../runtime/users';
import type { Identity } from './copy-apply';

/** Why a `--chown` value could not be resolved, in moby's words. */
export class ChownError extends Error {
  override name = 'ChownError';
  constructor(reason: string) {
    super(`unable to convert uid/gid chown string to host mapping: ${reason}`);
  }
}

const number = (text: string): number | undefined => (/^[+-]?\d+$/.test(text) ? Number(text) : undefined);

function passwdMissing(fs: Overlay, file: string): boolean {
  return !fs.exists(file);
}

/** Resolve a `--chown` value against the image's account files. */
export function parseChown(chown: string, fs: Overlay): Identity {
  const parts = chown.split(':');
  if (parts.length > 2) throw new ChownError(`invalid chown string format: ${chown}`);
  const [userText = '', groupText = userText] = parts;
  let uid = number(userText);
  if (uid === undefined) {
    if (passwdMissing(fs, '/etc/passwd')) {
      throw new ChownError(`can't find uid for user ${userText}: open /etc/passwd: no such file or directory`);
    }
    uid = readPasswd(fs).find((u) => u.name === userText)?.uid;
    if (uid === undefined) throw new ChownError(`can't find uid for user ${userText}: no such user: ${userText}`);
  }
  let gid = number(groupText);
  if (gid === undefined) {
    if (passwdMissing(fs, '/etc/group')) {
      throw new ChownError(`can't find gid for group ${groupText}: open /etc/group: no such file or directory`);
    }
    gid = readGroups(fs).find((g) => g.name === groupText)?.gid;
    if (gid === undefined) throw new ChownError(`can't find gid for group ${groupText}: no such group: ${groupText}`);
  }
  return { uid, gid };
}
