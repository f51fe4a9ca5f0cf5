// Reading a command question's answer the way the docker CLI reads it: the line is split into
// words (quotes and backslashes as a shell would), then walked down the client's real command tree
// (src/engine/client) and its flags parsed by the same flag library. What comes out is a canonical
// form — the command's primary name from its alias list, every flag set (by its long name, with
// its parsed value) and the arguments — so `docker image push x` and `docker push x` are one
// command, and so are `docker container ls -a`, `docker ps --all` and `docker ps -a`.
import { checkArgs } from '../../engine/client/cli/args';
import { Command } from '../../engine/client/cli/command';
import type { FlagSpec, FlagValues } from '../../engine/client/cli/flag';
import { FlagError, parseCommandLine } from '../../engine/client/cli/flag-parse';
import { rootCommand } from '../../engine/client/commands/root';
import { traverse } from '../../engine/client/cli/traverse';

export interface DockerLine {
  /** The command's primary name: `docker image push`, `docker container ls`. */
  command: string;
  /** Flags the line set, by long name (global ones under `docker`), with their parsed values. */
  flags: Record<string, string>;
  args: string[];
  /** One string that is equal for equal command lines. */
  canonical: string;
}

export type DockerLineParse = { ok: true; line: DockerLine } | { ok: false; error: string };

const SHELL_OPERATORS = new Set(['|', '&', ';', '<', '>', '`', '(', ')']);

/** Split a line into words as a POSIX shell would for a simple command; undefined for anything more. */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: 'The line has an unmatched quote.' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        else if (line[j] === '$' || line[j] === '`')
          return { error: 'Type the command itself, without variables or substitutions.' };
        word += line[j];
      }
      if (j >= line.length) return { error: 'The line has an unmatched quote.' };
      inWord = true;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
    } else if (SHELL_OPERATORS.has(c) || c === '$') {
      return { error: 'Type one docker command on its own, without pipes, redirections or variables.' };
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The command's primary name, the first of the aliases `docker X --help` lists. */
export function primaryName(command: Command): string {
  return command.spec.aliasesText?.split(',')[0]?.trim() ?? command.path();
}

function valueText(spec: FlagSpec, values: FlagValues): string {
  if (typeof spec.initial === 'boolean') return String(values.bool(spec.name));
  if (typeof spec.initial === 'number') return String(values.number(spec.name));
  if (Array.isArray(spec.initial)) return JSON.stringify(values.list(spec.name));
  return values.string(spec.name);
}

function setFlags(command: Command, values: FlagValues, prefix: string, into: Record<string, string>): void {
  for (const spec of command.flags()) if (values.changed(spec.name)) into[prefix + spec.name] = valueText(spec, values);
}

let root: Command | undefined;

/** Parse a docker command line as the docker CLI would, without running it. */
export function parseDockerLine(line: string): DockerLineParse {
  const words = splitWords(line.trim());
  if (!Array.isArray(words)) return { ok: false, error: words.error };
  if (words.length === 0) return { ok: false, error: 'Type a docker command.' };
  if (words[0] !== 'docker') return { ok: false, error: `This is not a docker command: it starts with "${words[0]}".` };
  root ??= new Command(rootCommand('/home/student/.docker'));
  const context = { env: {} };
  const flags: Record<string, string> = {};
  try {
    const globals = parseCommandLine(root.flags(), words.slice(1), { interspersed: false, context });
    setFlags(root, globals.flags, 'docker --', flags);
    const found = traverse(root, globals.args);
    for (const passed of found.passed) {
      const parsed = parseCommandLine(passed.command.flags(), passed.flags, { interspersed: true, context });
      setFlags(passed.command, parsed.flags, `${primaryName(passed.command)} --`, flags);
    }
    const { command } = found;
    if (command === root) {
      const first = found.args[0];
      return {
        ok: false,
        error: first ? `docker: unknown command: docker ${first}` : 'Type a docker command, not just docker.',
      };
    }
    if (command.hasSubcommands())
      return { ok: false, error: `${command.path()} needs a subcommand (${command.path()} --help lists them).` };
    const parsed = parseCommandLine(command.flags(), found.args, {
      interspersed: command.spec.interspersed ?? true,
      context,
    });
    setFlags(command, parsed.flags, '--', flags);
    const problem = checkArgs(command, parsed.args);
    if (problem) return { ok: false, error: problem.split('\n')[0]! };
    const name = primaryName(command);
    const sorted = Object.keys(flags).sort();
    const canonical = [
      name,
      ...sorted.map((k) => `${k}=${flags[k]}`),
      '--',
      ...parsed.args.map((a) => JSON.stringify(a)),
    ].join(' ');
    return { ok: true, line: { command: name, flags, args: parsed.args, canonical } };
  } catch (err) {
    if (err instanceof FlagError) return { ok: false, error: err.message };
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Whether two lines are the same docker command (both must parse). */
export function sameDockerCommand(a: string, b: string): boolean {
  const x = parseDockerLine(a);
  const y = parseDockerLine(b);
  return x.ok && y.ok && x.line.canonical === y.line.canonical;
}
