// Processes, seen from inside the PID namespace: `ps` lists only the container's own processes,
// its command as PID 1; `kill` signals them by those PIDs (`kill -l` lists the signals). BusyBox's
// ps prints `PID   USER     TIME  COMMAND`; procps' (installed on Debian with `apt-get install
// procps`) prints `PID TTY TIME CMD`, or the `-ef` and `aux` tables.

import { yieldToEventLoop } from '../clock';
import type { ProcessInfo } from '../contract';
import { SIGNAL_NAMES, signalNumber } from '../signals';
import { stateLetter } from '../procfs';
import { Accounts } from '../users';
import { registerApplet, type Tool } from './registry';

function command(p: ProcessInfo): string {
  if (p.state === 'zombie' || p.argv.length === 0) return `[${(p.argv[0] ?? '').split('/').pop() ?? ''}]`;
  return p.argv.join(' ');
}

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function busyboxPs(tool: Tool, list: ProcessInfo[], accounts: Accounts): string {
  const columns = (tool.args.find((a, i) => tool.args[i - 1] === '-o') ?? '').split(',').filter((c) => c !== '');
  if (columns.length > 0) {
    const head: Record<string, string> = {
      pid: 'PID',
      ppid: 'PPID',
      user: 'USER',
      comm: 'COMMAND',
      args: 'COMMAND',
      stat: 'STAT',
      time: 'TIME',
    };
    const cell = (p: ProcessInfo, c: string) =>
      ({
        pid: String(p.pid),
        ppid: String(p.ppid),
        user: accounts.userName(p.uid) ?? String(p.uid),
        comm: (p.argv[0] ?? '').split('/').pop() ?? '',
        args: command(p),
        stat: stateLetter(p),
        time: '0:00',
      })[c] ?? '';
    const rows = [columns.map((c) => head[c] ?? c.toUpperCase()), ...list.map((p) => columns.map((c) => cell(p, c)))];
    return rows
      .map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padStart(5))).join(' '))
      .map((l) => `${l}\n`)
      .join('');
  }
  const lines = list.map((p) => {
    const user = accounts.userName(p.uid) ?? String(p.uid);
    return `${String(p.pid).padStart(5)} ${user.padEnd(8).slice(0, 8)} ${'0:00'.padStart(5)} ${command(p)}`;
  });
  return `PID   USER     TIME  COMMAND\n${lines.map((l) => `${l}\n`).join('')}`;
}

function procpsPs(tool: Tool, list: ProcessInfo[], accounts: Accounts): string {
  const args = tool.args.join(' ');
  const name = (uid: number) => accounts.userName(uid) ?? String(uid);
  if (/(^|\s)-?aux/.test(args) || args === 'ax' || args === 'aux') {
    const rows = list.map(
      (p) =>
        `${name(p.uid).padEnd(8).slice(0, 8)} ${String(p.pid).padStart(7)}  0.0  0.0   ${String(2304 + p.pid * 8).padStart(4)}  ${String(768 + p.pid * 4).padStart(4)} ?        ${(stateLetter(p) + (p.pid === 1 ? 's' : '')).padEnd(4)} ${hhmm(p.startedAt)}   0:00 ${command(p)}`,
    );
    return `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${rows.map((r) => `${r}\n`).join('')}`;
  }
  if (/-e|-A/.test(args) && /f/.test(args)) {
    const rows = list.map(
      (p) =>
        `${name(p.uid).padEnd(8).slice(0, 8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${hhmm(p.startedAt)} ?        00:00:00 ${command(p)}`,
    );
    return `UID          PID    PPID  C STIME TTY          TIME CMD\n${rows.map((r) => `${r}\n`).join('')}`;
  }
  const rows = list.map(
    (p) =>
      `${String(p.pid).padStart(7)} ?        00:00:00 ${(p.argv[0] ?? '').split('/').pop() ?? ''}${p.state === 'zombie' ? ' <defunct>' : ''}`,
  );
  return `    PID TTY          TIME CMD\n${rows.map((r) => `${r}\n`).join('')}`;
}

registerApplet('ps', async (tool) => {
  // Reading /proc takes a moment: processes started together with ps (`ps | cat`) are there by then.
  for (let i = 0; i < 3; i++) await yieldToEventLoop();
  const list = tool.ctx.processes.list();
  const accounts = new Accounts(tool.ctx.fs);
  tool.out(tool.gnu ? procpsPs(tool, list, accounts) : busyboxPs(tool, list, accounts));
  return 0;
});

/** `kill -l`: BusyBox one per line (` 9) KILL`), procps in rows. */
function listSignals(tool: Tool, which: string | undefined): number {
  if (which !== undefined) {
    const n = signalNumber(which);
    if (n === undefined) return tool.fail(`bad signal name '${which}'`);
    tool.out(`${/^\d+$/.test(which) ? (SIGNAL_NAMES[n > 128 ? n - 128 : n] ?? n) : n}\n`);
    return 0;
  }
  const entries = Object.entries(SIGNAL_NAMES);
  if (tool.gnu) tool.out(`${entries.map(([, name]) => name).join(' ')}\n`);
  else tool.out(entries.map(([n, name]) => `${n.padStart(2)}) ${name}\n`).join(''));
  return 0;
}

registerApplet(['kill', 'killall', 'pkill'], async (tool) => {
  const args = [...tool.args];
  if (args[0] === '-l' || args[0] === '-L' || args[0] === '--list') return listSignals(tool, args[1]);
  let signal = 15;
  const first = args[0];
  if (first === '-s' || first === '-n') {
    const n = signalNumber(args[1] ?? '');
    if (n === undefined)
      return tool.fail(tool.gnu ? `unknown signal: ${args[1] ?? ''}` : `bad signal name '${args[1] ?? ''}'`);
    signal = n;
    args.splice(0, 2);
  } else if (first !== undefined && /^-[A-Za-z0-9]+$/.test(first)) {
    const n = signalNumber(first.slice(1));
    if (n === undefined)
      return tool.fail(tool.gnu ? `unknown signal: ${first.slice(1)}` : `bad signal name '${first.slice(1)}'`);
    signal = n;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    tool.err(tool.gnu ? `${tool.name}: not enough arguments\n` : 'Usage: kill [-l] [-SIG] PID...\n');
    return 1;
  }
  let status = 0;
  const processes = tool.ctx.processes.list();
  for (const target of args) {
    let pids: number[];
    if (tool.name === 'kill') {
      if (!/^-?\d+$/.test(target)) {
        tool.err(tool.gnu ? `kill: failed to parse argument: '${target}'\n` : `kill: invalid number '${target}'\n`);
        status = 1;
        continue;
      }
      pids = [Number(target)];
    } else {
      pids = processes
        .filter((p) => ((p.argv[0] ?? '').split('/').pop() ?? '') === target && p.pid !== tool.ctx.pid)
        .map((p) => p.pid);
      if (pids.length === 0) {
        if (tool.name === 'killall') tool.err(`killall: ${target}: no process killed\n`);
        status = 1;
        continue;
      }
    }
    for (const pid of pids) {
      const delivered = deliver(tool, pid, signal);
      if (!delivered) {
        tool.err(tool.gnu ? `kill: (${pid}) - No such process\n` : `kill: can't kill pid ${pid}: No such process\n`);
        status = 1;
      }
    }
  }
  return status;
});

function deliver(tool: Tool, pid: number, n: number): boolean {
  const table = tool.ctx.processes as { kill(pid: number, signal: never): boolean };
  const name = `SIG${SIGNAL_NAMES[n] ?? ''}`;
  const known = [
    'SIGHUP',
    'SIGINT',
    'SIGQUIT',
    'SIGKILL',
    'SIGUSR1',
    'SIGUSR2',
    'SIGTERM',
    'SIGWINCH',
    'SIGSTOP',
    'SIGCONT',
  ];
  if (n === 0) return tool.ctx.processes.list().some((p) => p.pid === pid);
  // The runtime's PidNamespace takes any signal number; the contract's table takes the names it knows.
  return table.kill(pid, (known.includes(name) ? name : n) as never);
}
