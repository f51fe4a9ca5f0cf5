// Every command the laptop's shell knows besides `docker`, by name, and `help`, which lists them.
import type { Builtin } from '../shell-state';
import { curl } from './curl';
import { cat, cp, mkdir, mv, rm, touch } from './file-commands';
import { ls } from './ls';
import { cd, pwd } from './navigation';
import { writeText } from './options';
import {
  clear,
  edit,
  env,
  exportCommand,
  falseCommand,
  history,
  hostname,
  sudo,
  trueCommand,
  unset,
  which,
  whoami,
} from './shell-commands';
import { echo, grep, head, printf, tail, wc } from './text-commands';

const HELP = `Dockyard's laptop: a small bash-like shell, with docker installed.

  docker COMMAND        talk to the Docker daemon: docker run hello-world, docker ps, docker images
  docker --help         every docker command; docker COMMAND --help for one of them

Files:    ls [-la]  cat  cd [DIR|-|..]  pwd  mkdir [-p]  rm [-rf]  cp [-r]  mv  touch  edit FILE
Text:     echo [-ne]  printf  grep [-ivnc]  head/tail [-n N]  wc [-lwc]
HTTP:     curl [-sSivIfL] [-X METHOD] [-H HEADER] [-d DATA] [-o FILE] [--unix-socket PATH] URL
Shell:    export NAME=value  unset  env  history  clear  which  whoami  hostname  true  false

Lines work as in bash: 'quotes', "$VARS", ~, globs (*.txt), a; b, a && b, a || b, pipes (a | b),
redirects (> file, >> file, 2> file, 2>&1, < file), NAME=value before a command.
Tab completes commands, docker subcommands and flags, image and container names, and files.
Ctrl+C stops a running command; the arrow keys walk the history.
`;

const help: Builtin = async (_args, { io }) => {
  writeText(io.out, HELP);
  return 0;
};

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['cat', cat],
  ['cd', cd],
  ['clear', clear],
  ['cp', cp],
  ['curl', curl],
  ['echo', echo],
  ['edit', edit],
  ['env', env],
  ['export', exportCommand],
  ['false', falseCommand],
  ['grep', grep],
  ['head', head],
  ['help', help],
  ['history', history],
  ['hostname', hostname],
  ['ls', ls],
  ['mkdir', mkdir],
  ['mv', mv],
  ['printf', printf],
  ['pwd', pwd],
  ['rm', rm],
  ['sudo', sudo],
  ['tail', tail],
  ['touch', touch],
  ['true', trueCommand],
  ['unset', unset],
  ['wc', wc],
  ['which', which],
  ['whoami', whoami],
]);

/** Every command name the shell runs, `docker` included, sorted. */
export const COMMAND_NAMES: readonly string[] = [...BUILTINS.keys(), 'docker'].sort();
