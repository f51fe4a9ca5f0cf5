// The builtins that wait on something: `read` takes one line of input and splits it on $IFS into
// variables (backslashes escape unless -r; a line without a final newline still fills them but
// makes `read` fail, ending `while read` loops); `wait` waits for background jobs — and gives up
// early, with 128+N, when a trapped signal arrives, so the trap can run.

import { pushbackInput, readLine, type PushbackInput } from '../streams';
import type { Builtin } from './builtins';
import type { Shell } from './interpreter';

/** `read [-r] [-p prompt] [-t secs] [-n count] [name…]`: one line of input into variables. */
export const read: Builtin = async (sh, argv, fds) => {
  let raw = false;
  let prompt: string | undefined;
  let timeout: number | undefined;
  let count: number | undefined;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-r') raw = true;
    else if (a === '-s') continue;
    else if (a === '-p') prompt = argv[++i];
    else if (a === '-t') timeout = Number(argv[++i]);
    else if (a === '-n') count = Number(argv[++i]);
    else names.push(a);
  }
  if (names.length === 0) names.push('REPLY');
  if (prompt !== undefined) fds.output(2).write(prompt);
  const input: PushbackInput = pushbackInput(fds.input(0));
  let line: { line: string; complete: boolean } | undefined;
  const reading = (async () => {
    let text = '';
    let complete = false;
    for (;;) {
      const got = count === undefined ? await readLine(input) : await readChars(input, count - text.length);
      if (got === undefined) break;
      complete = got.complete;
      if (!raw && got.line.endsWith('\\') && got.complete && count === undefined) {
        text += got.line.slice(0, -1);
        continue;
      }
      text += got.line;
      break;
    }
    return text === '' && !complete ? undefined : { line: text, complete };
  })();
  if (timeout !== undefined) {
    const timer = sh.ctx.clock.sleep(timeout * 1000).then(() => 'timeout' as const);
    const result = await Promise.race([reading, timer]);
    if (result === 'timeout') return 142;
    line = result;
  } else line = await reading;
  if (line === undefined) {
    for (const n of names) sh.setVariable(n, '');
    return 1;
  }
  let text = line.line;
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  assignFields(sh, names, text);
  return line.complete || count !== undefined ? 0 : 1;
};

async function readChars(input: PushbackInput, n: number): Promise<{ line: string; complete: boolean } | undefined> {
  const chunk = await input.read();
  if (chunk === undefined) return undefined;
  const text = new TextDecoder().decode(chunk);
  const taken = [...text].slice(0, n).join('');
  const used = new TextEncoder().encode(taken).length;
  if (used < chunk.length) input.unread(chunk.slice(used));
  return { line: taken.split('\n')[0] as string, complete: true };
}

/** Split a line on $IFS into `names`; the last name takes the rest of the line. */
function assignFields(sh: Shell, names: string[], text: string): void {
  const ifs = sh.state.get('IFS') ?? ' \t\n';
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWhite = (c: string) => white.includes(c);
  const isSep = (c: string) => ifs.includes(c);
  let rest = text;
  const trimStart = (s: string) => {
    let i = 0;
    while (i < s.length && isWhite(s[i] as string)) i++;
    return s.slice(i);
  };
  rest = trimStart(rest);
  names.forEach((name, idx) => {
    if (idx === names.length - 1) {
      let end = rest.length;
      while (end > 0 && isWhite(rest[end - 1] as string)) end--;
      sh.setVariable(name, rest.slice(0, end));
      return;
    }
    let i = 0;
    while (i < rest.length && !isSep(rest[i] as string)) i++;
    sh.setVariable(name, rest.slice(0, i));
    rest = rest.slice(i);
    rest = trimStart(rest);
    if (rest !== '' && isSep(rest[0] as string) && !isWhite(rest[0] as string)) rest = trimStart(rest.slice(1));
  });
}

export const wait: Builtin = async (sh, argv, fds) => {
  const pids = argv.slice(1);
  const interrupted = new Promise<'signal'>((resolve) => (sh.interruptWait = () => resolve('signal')));
  try {
    if (pids.length === 0) {
      for (const [pid, job] of [...sh.state.jobs]) {
        const r = await Promise.race([job.wait(), interrupted]);
        if (r === 'signal') return 128 + 15;
        sh.state.jobs.delete(pid);
      }
      sh.reapOrphans();
      return 0;
    }
    let status = 0;
    for (const spec of pids) {
      const pid = Number(spec.replace(/^%/, ''));
      const job = sh.state.jobs.get(pid);
      if (job === undefined) {
        if (sh.dialect.name === 'bash') sh.report(`pid ${spec} is not a child of this shell`, 'wait', fds);
        status = 127;
        continue;
      }
      const r = await Promise.race([job.wait(), interrupted]);
      if (r === 'signal') return 128 + 15;
      status = r;
      sh.state.jobs.delete(pid);
    }
    return status;
  } finally {
    sh.interruptWait = undefined;
  }
};
