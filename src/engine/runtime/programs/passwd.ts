// Looking a user up in the container's /etc/passwd, as getpwnam(3) does — servers that start as root
// and switch to their own account (nginx's `user nginx;`, redis via gosu) need its uid and gid.
import type { Overlay } from '../../layer/overlay';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export function lookupUser(fs: Overlay, name: string): PasswdEntry | undefined {
  let text: string;
  try {
    text = fs.readText('/etc/passwd');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 7) {
      return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5]!, shell: f[6]! };
    }
  }
  return undefined;
}
