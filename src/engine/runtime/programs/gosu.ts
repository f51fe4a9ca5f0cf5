// `gosu`: "simple Go-based setuid+setgid+setgroups+exec" — the tool official images (redis,
// postgres…) use to drop from root to their own user right before starting the server, replacing
// itself rather than staying around as a parent the way `su` or `sudo` would. The redis image's
// entrypoint runs `exec gosu redis "$0" "$@"`, so redis-server ends up as PID 1, running as
// `redis` (uid 999). The user spec is `user`, `user:group`, `uid` or `uid:gid`.
import { gosuVersion } from '../../image/official/redis';
import type { Program, ProcessContext } from '../contract';
import { ExecError } from '../exec';

function usage(arch: string, version: string): string {
  return `Usage: gosu user-spec command [args]
   eg: gosu tianon bash
       gosu nobody:root bash -c 'whoami && id'
       gosu 1000:1 id

gosu version: ${version} (go1.18.2 on linux/${arch}; gc)
license: Apache-2.0 (full text at https://github.com/tianon/gosu)

`;
}

function table(ctx: ProcessContext, file: string): string[][] {
  try {
    return ctx.fs
      .readText(file)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** Resolve `user[:group]` as gosu does, or give its error text. */
function resolveSpec(ctx: ProcessContext, spec: string): { uid: number; gid: number; home: string } | string {
  const [user = '', group] = spec.split(':');
  const passwd = table(ctx, '/etc/passwd');
  const byName = passwd.find((f) => f[0] === user);
  const numeric = /^\d+$/.test(user);
  if (!byName && !numeric) return `unable to find user ${user}: no matching entries in passwd file`;
  const entry = byName ?? passwd.find((f) => f[2] === user);
  const uid = byName ? Number(byName[2]) : Number(user);
  let gid = entry ? Number(entry[3]) : uid;
  if (group !== undefined && group !== '') {
    const g = table(ctx, '/etc/group').find((f) => f[0] === group || f[2] === group);
    if (!g && !/^\d+$/.test(group)) return `unable to find group ${group}: no matching entries in group file`;
    gid = g ? Number(g[2]) : Number(group);
  }
  return { uid, gid, home: entry?.[5] ?? '/' };
}

export const gosu: Program = async (ctx) => {
  const version = ctx.env.get('GOSU_VERSION') || gosuVersion;
  const arch = ctx.architecture ?? 'amd64';
  const [spec, ...command] = ctx.argv.slice(1);
  if (spec === '--version') {
    ctx.stdout.write(`${version} (go1.18.2 on linux/${arch}; gc)\n`);
    return 0;
  }
  if (spec === undefined || spec === '--help' || spec === '-h' || command.length === 0) {
    ctx.stderr.write(usage(arch, version));
    return spec === '--help' || spec === '-h' ? 0 : 1;
  }
  const who = resolveSpec(ctx, spec);
  if (typeof who === 'string') {
    ctx.stderr.write(`error: failed switching to "${spec}": ${who}\n`);
    return 1;
  }
  if (ctx.uid !== 0 && (who.uid !== ctx.uid || who.gid !== ctx.gid)) {
    ctx.stderr.write(`error: failed switching to "${spec}": operation not permitted\n`);
    return 1;
  }
  const env = new Map(ctx.env);
  env.set('HOME', who.home);
  try {
    if (ctx.exec) return await ctx.exec(command, { env, uid: who.uid, gid: who.gid });
    // A hand-made context without execve: run the command as a child (the user cannot change).
    return await ctx.spawn(command, { env, cwd: ctx.cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr });
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    ctx.stderr.write(`error: ${err.message}\n`);
    return 1;
  }
};
