// Tab completion, as bash with docker's completion script offers it: the first word of a command
// completes to the laptop's commands; after `docker`, to docker's subcommands and then the chosen
// command's flags (`docker run --de` → `--detach`, `--detach-keys`), read from the client's own
// command tree so they can never drift from what the CLI accepts; where a docker command wants an
// image (`docker run`, `pull`, `push`, `rmi`, `tag`, `history`) or a container (`start`, `stop`,
// `rm`, `logs`, `exec`, `inspect`…), to the names the daemon has; everywhere else, to file paths,
// directories ending in `/`.
import type { Command } from '../client/cli/command';
import { rootTree } from '../client/commands/root';
import { COMMAND_NAMES } from './builtins/index';
import type { LaptopFiles } from './files';
import { HOME } from './files';
import { resolvePath } from './laptop-path';

export interface CompletionSources {
  cwd: string;
  files: LaptopFiles;
  images(): Promise<string[]>;
  containers(): Promise<string[]>;
}

export interface Completion {
  /** Where the word being completed starts: candidates replace line[from, cursor). */
  from: number;
  candidates: string[];
}

interface Word {
  start: number;
  text: string;
}

const OPERATORS = new Set([';', '|', '&', '(', ')']);

/** The words of the command the cursor is in (quotes removed), the last one being completed. */
function currentCommand(text: string): { words: Word[]; afterRedirect: boolean } {
  let words: Word[] = [];
  let word: Word | undefined;
  let quote: string | undefined;
  let redirectPending = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else (word as Word).text += ch;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      word ??= { start: i, text: '' };
      word.text += text[++i];
      continue;
    }
    if (ch === '"' || ch === "'") {
      word ??= { start: i, text: '' };
      quote = ch;
      continue;
    }
    if (ch === ' ' || ch === '\t' || OPERATORS.has(ch) || ch === '<' || ch === '>') {
      if (word) {
        if (redirectPending) redirectPending = false;
        else words.push(word);
      }
      word = undefined;
      if (OPERATORS.has(ch)) {
        words = [];
        redirectPending = false;
      }
      if (ch === '<' || ch === '>') redirectPending = true;
      continue;
    }
    word ??= { start: i, text: '' };
    word.text += ch;
  }
  words.push(word ?? { start: text.length, text: '' });
  return { words, afterRedirect: redirectPending };
}

const escapeWord = (name: string) => name.replace(/([ \t'"\\$`;&|<>()*?[\]])/g, '\\$1');

function completeFiles(prefix: string, sources: CompletionSources, onlyDirs = false): string[] {
  const slash = prefix.lastIndexOf('/');
  const dirTyped = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const namePart = prefix.slice(slash + 1);
  const dirPath = dirTyped.startsWith('~') ? `${HOME}${dirTyped.slice(1)}` : dirTyped;
  const abs = resolvePath(sources.cwd, dirPath === '' ? '.' : dirPath);
  if (sources.files.stat(abs)?.kind !== 'dir') return [];
  const out: string[] = [];
  for (const name of sources.files.readdir(abs)) {
    if (!name.startsWith(namePart) || (name.startsWith('.') && !namePart.startsWith('.'))) continue;
    const isDir = sources.files.stat(`${abs === '/' ? '' : abs}/${name}`)?.kind === 'dir';
    if (onlyDirs && !isDir) continue;
    out.push(`${escapeWord(dirTyped)}${escapeWord(name)}${isDir ? '/' : ''}`);
  }
  return out;
}

type ArgumentKind = 'images' | 'containers' | 'both' | 'files' | 'none';

/** What the positional argument number `index` of a docker command names. */
function argumentKind(command: Command, index: number): ArgumentKind {
  const group = command.parent?.parent ? command.parent.name : '';
  const name = command.name;
  const imageCommands = ['pull', 'push', 'rmi', 'tag', 'history', 'save'];
  const containerCommands = [
    'start',
    'stop',
    'restart',
    'kill',
    'pause',
    'unpause',
    'logs',
    'attach',
    'diff',
    'top',
    'wait',
    'port',
    'stats',
    'update',
    'export',
    'rename',
    'exec',
    'commit',
  ];
  if (name === 'run' || name === 'create') return index === 0 ? 'images' : 'none';
  if (name === 'build') return 'files';
  if (name === 'cp') return 'files';
  if (name === 'commit') return index === 0 ? 'containers' : 'images';
  if ((name === 'exec' || name === 'rename') && index > 0) return 'none';
  if (group === 'image' && ['rm', 'inspect'].includes(name)) return 'images';
  if (name === 'inspect') return group === 'container' ? 'containers' : 'both';
  if (imageCommands.includes(name)) return 'images';
  if (name === 'rm' || containerCommands.includes(name)) return 'containers';
  return 'none';
}

/** Flags that name a file on the laptop. */
const FILE_FLAGS = new Set([
  '--file',
  '-f',
  '--output',
  '-o',
  '--input',
  '-i',
  '--env-file',
  '--cidfile',
  '--iidfile',
  '--config',
]);

async function completeDocker(words: Word[], sources: CompletionSources): Promise<string[]> {
  const current = (words[words.length - 1] as Word).text;
  let command = rootTree(`${HOME}/.docker`);
  let positional = 0;
  let expectsValue: string | undefined;
  for (const { text } of words.slice(1, -1)) {
    if (expectsValue !== undefined) {
      expectsValue = undefined;
      continue;
    }
    if (text.startsWith('-')) {
      const flag = findFlag(command, text);
      const takesValue = flag !== undefined && flag.type !== '' && !text.includes('=');
      if (takesValue && (text.startsWith('--') || text.length === 2)) expectsValue = text;
      continue;
    }
    const child = command.hasSubcommands() ? command.child(text) : undefined;
    if (child) command = child;
    else positional++;
  }
  if (expectsValue !== undefined) {
    return FILE_FLAGS.has(expectsValue) ? completeFiles(current, sources) : [];
  }
  if (current.startsWith('-')) {
    return command
      .flags()
      .filter((f) => !f.hidden && !f.deprecated)
      .map((f) => `--${f.name}`)
      .filter((f) => f.startsWith(current));
  }
  if (command.hasSubcommands()) {
    return command.children
      .filter((c) => !c.spec.hidden)
      .map((c) => c.name)
      .filter((n) => n.startsWith(current));
  }
  const kind = argumentKind(command, positional);
  if (kind === 'files') return completeFiles(current, sources);
  const names =
    kind === 'images'
      ? await sources.images()
      : kind === 'containers'
        ? await sources.containers()
        : kind === 'both'
          ? [...(await sources.containers()), ...(await sources.images())]
          : [];
  return names.filter((n) => n.startsWith(current));
}

function findFlag(command: Command, text: string) {
  const bare = text.replace(/=.*$/, '');
  for (let c: Command | undefined = command; c; c = c.parent) {
    const flag = c
      .flags()
      .find((f) => (bare.startsWith('--') ? `--${f.name}` === bare : f.short !== '' && bare === `-${f.short}`));
    if (flag) return flag;
  }
  return undefined;
}

/** Candidates for the word at `cursor` in `line`. */
export async function completeLine(line: string, cursor: number, sources: CompletionSources): Promise<Completion> {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const { words, afterRedirect } = currentCommand(text);
  let first = 0;
  while (
    first < words.length - 1 &&
    (/^[A-Za-z_][A-Za-z0-9_]*=/.test((words[first] as Word).text) || words[first]?.text === 'sudo')
  )
    first++;
  const own = words.slice(first);
  const last = own[own.length - 1] as Word;
  let candidates: string[];
  try {
    if (afterRedirect) candidates = completeFiles(last.text, sources);
    else if (own.length === 1) {
      candidates = last.text.includes('/')
        ? completeFiles(last.text, sources)
        : COMMAND_NAMES.filter((n) => n.startsWith(last.text));
    } else if (own[0]?.text === 'docker') candidates = await completeDocker(own, sources);
    else candidates = completeFiles(last.text, sources, own[0]?.text === 'cd');
  } catch {
    candidates = [];
  }
  const from = last.text === '' && last.start === text.length ? text.length : last.start;
  return { from, candidates: [...new Set(candidates)].sort() };
}

/** The same, by the name the brief gives it. */
export const complete = completeLine;
