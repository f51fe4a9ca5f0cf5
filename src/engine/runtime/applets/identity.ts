// Who and where a process is — the namespaces, seen from inside. `hostname` is the UTS namespace
// (the container's short ID unless `--hostname`), `id` and `whoami` the user (root, unless the
// image or `--user` says otherwise), `uname` the kernel the container shares with its host, `env`
// and `printenv` the environment Docker assembled, `nproc`, `free` and `uptime` the host's CPUs,
// memory and clock, which a container sees as they are.

import { ExecError } from '../exec';
import { CPU_COUNT, KERNEL_NAME, KERNEL_RELEASE, KERNEL_VERSION, machineOf, MEMORY_KB } from '../kernel';
import { uptimeSeconds } from '../procfs';
import { Accounts } from '../users';
import { parseArgs, withUsage } from './args';
import { registerApplet } from './registry';

registerApplet('pwd', async (tool) => {
  tool.out(`${tool.args.includes('-P') ? tool.ctx.fs.realpath(tool.ctx.cwd) : tool.ctx.cwd}\n`);
  return 0;
});

registerApplet('hostname', async (tool) => {
  const [first] = tool.args;
  if (first === '-i' || first === '-I') {
    const addresses = tool.ctx.net
      .interfaces()
      .filter((i) => i.name !== 'lo')
      .flatMap((i) => i.addresses.map((a) => a.address));
    tool.out(`${addresses.join(' ')}${first === '-I' ? ' ' : ''}\n`);
    return 0;
  }
  if (first === '-s') {
    tool.out(`${tool.ctx.hostname.split('.')[0] ?? ''}\n`);
    return 0;
  }
  if (first !== undefined && !first.startsWith('-')) {
    return tool.fail(tool.gnu ? 'you must be root to change the host name' : 'sethostname: Operation not permitted');
  }
  tool.out(`${tool.ctx.hostname}\n`);
  return 0;
});

registerApplet('whoami', async (tool) => {
  const name = new Accounts(tool.ctx.fs).userName(tool.ctx.uid);
  if (name === undefined)
    return tool.fail(tool.gnu ? `cannot find name for user ID ${tool.ctx.uid}` : `unknown uid ${tool.ctx.uid}`);
  tool.out(`${name}\n`);
  return 0;
});

registerApplet('id', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'ugGnr',
      long: { user: 'u', group: 'g', groups: 'G', name: 'n', real: 'r' },
    });
    const accounts = new Accounts(tool.ctx.fs);
    let uid = tool.ctx.uid;
    let gid = tool.ctx.gid;
    let user = accounts.users.find((u) => u.uid === uid);
    if (operands[0] !== undefined) {
      user = accounts.user(operands[0]);
      if (user === undefined)
        return tool.fail(tool.gnu ? `'${operands[0]}': no such user` : `unknown user ${operands[0]}`);
      uid = user.uid;
      gid = user.gid;
    }
    const groups = accounts.groupsOf(user, gid);
    const named = (id: number, name: string | undefined) => (name === undefined ? `${id}` : `${id}(${name})`);
    const show = (id: number, name: string | undefined) => (options.has('n') ? (name ?? String(id)) : String(id));
    if (options.has('u')) tool.out(`${show(uid, accounts.userName(uid))}\n`);
    else if (options.has('g')) tool.out(`${show(gid, accounts.groupName(gid))}\n`);
    else if (options.has('G')) tool.out(`${groups.map((g) => show(g, accounts.groupName(g))).join(' ')}\n`);
    else {
      tool.out(
        `uid=${named(uid, accounts.userName(uid))} gid=${named(gid, accounts.groupName(gid))} groups=${groups.map((g) => named(g, accounts.groupName(g))).join(',')}\n`,
      );
    }
    return 0;
  }),
);

registerApplet('uname', (tool) =>
  withUsage(tool, async () => {
    const { options } = parseArgs(tool, tool.args, {
      flags: 'asnrvmpio',
      long: {
        all: 'a',
        'kernel-name': 's',
        nodename: 'n',
        'kernel-release': 'r',
        'kernel-version': 'v',
        machine: 'm',
        'operating-system': 'o',
      },
    });
    const machine = machineOf(tool.ctx.architecture);
    const os = tool.gnu ? 'GNU/Linux' : 'Linux';
    const all = options.has('a');
    const fields: string[] = [];
    const want = (c: string) => all || options.has(c);
    if (want('s') || options.size === 0) fields.push(KERNEL_NAME);
    if (want('n')) fields.push(tool.ctx.hostname);
    if (want('r')) fields.push(KERNEL_RELEASE);
    if (want('v')) fields.push(KERNEL_VERSION);
    if (want('m')) fields.push(machine);
    if (options.has('p')) fields.push(tool.gnu ? 'unknown' : machine);
    if (options.has('i')) fields.push(tool.gnu ? 'unknown' : machine);
    if (want('o')) fields.push(os);
    tool.out(`${fields.join(' ')}\n`);
    return 0;
  }),
);

registerApplet('nproc', async (tool) => {
  tool.out(`${CPU_COUNT}\n`);
  return 0;
});

registerApplet('printenv', async (tool) => {
  const names = tool.args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    tool.out([...tool.ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const name of names) {
    const value = tool.ctx.env.get(name);
    if (value === undefined) status = 1;
    else tool.out(`${value}\n`);
  }
  return status;
});

/** `env [-i] [-u NAME] [NAME=VALUE…] [COMMAND [ARG…]]`: show or change the environment, then run. */
registerApplet('env', async (tool) => {
  const env = new Map(tool.ctx.env);
  let i = 0;
  for (; i < tool.args.length; i++) {
    const a = tool.args[i] as string;
    if (a === '-i' || a === '-' || a === '--ignore-environment') env.clear();
    else if (a === '-u') env.delete(tool.args[++i] ?? '');
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) {
      return tool.fail(
        tool.gnu
          ? `invalid option -- '${a.slice(1, 2)}'\nTry 'env --help' for more information.`
          : `unrecognized option: ${a.slice(1, 2)}`,
        tool.gnu ? 125 : 1,
      );
    } else break;
  }
  for (; i < tool.args.length && /^[^=]+=/.test(tool.args[i] as string); i++) {
    const a = tool.args[i] as string;
    const eq = a.indexOf('=');
    env.set(a.slice(0, eq), a.slice(eq + 1));
  }
  const command = tool.args.slice(i);
  if (command.length === 0) {
    tool.out([...env].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  try {
    if (tool.ctx.exec !== undefined) return await tool.ctx.exec(command, { env });
    return await tool.ctx.spawn(command, {
      env,
      cwd: tool.ctx.cwd,
      stdin: tool.ctx.stdin,
      stdout: tool.ctx.stdout,
      stderr: tool.ctx.stderr,
    });
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    const reason =
      err.exitStatus === 127
        ? 'No such file or directory'
        : err.reason === 'is-a-directory'
          ? 'Permission denied'
          : 'Permission denied';
    const name = command[0] as string;
    return tool.fail(tool.gnu ? `'${name}': ${reason}` : `can't execute '${name}': ${reason}`, err.exitStatus);
  }
});

function clockOf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

registerApplet('uptime', async (tool) => {
  const up = Math.floor(uptimeSeconds(tool.ctx));
  const days = Math.floor(up / 86400);
  const hours = Math.floor((up % 86400) / 3600);
  const minutes = Math.floor((up % 3600) / 60);
  let text = ` ${clockOf(tool.ctx.clock.now())} up `;
  if (days > 0) text += `${days} day${days === 1 ? '' : 's'}, `;
  text += hours > 0 ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}, ` : `${minutes} min, `;
  text += tool.gnu ? ' 0 user,  ' : ' 0 users,  ';
  tool.out(`${text}load average: 0.08, 0.03, 0.01\n`);
  return 0;
});

registerApplet('free', async (tool) => {
  const unit = tool.args.includes('-m') ? 1024 : tool.args.includes('-g') ? 1024 * 1024 : 1;
  const m = MEMORY_KB;
  const buffCache = m.buffers + m.cached;
  const used = m.total - m.free - buffCache;
  const col = (n: number) => String(Math.floor(n / unit)).padStart(12);
  const swap = 1_048_572;
  tool.out(
    `${''.padStart(15)}total        used        free      shared  buff/cache   available\n` +
      `Mem:   ${col(m.total)}${col(used)}${col(m.free)}${col(1_212)}${col(buffCache)}${col(m.available)}\n` +
      `Swap:  ${col(swap)}${col(0)}${col(swap)}\n`,
  );
  return 0;
});
