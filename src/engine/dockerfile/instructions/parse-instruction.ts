// From instruction node to typed command (BuildKit `instructions.ParseInstruction`).
//
// Each keyword has its own rules for arguments and flags; this module holds the simple ones and
// dispatches to the rest (parse-copy.ts, parse-exec.ts, healthcheck.ts). A keyword Docker does not
// know is refused by name, with a guess at what was meant:
//
//   dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)
//
// FROM does not make a command: it makes a Stage, which the commands after it belong to.
import { InstructionError } from '../errors';
import { goQuote, trimGoSpace } from '../go-text';
import type { InstructionNode } from '../parser/ast';
import { suggest, withSuggestion } from '../suggest';
import type { ArgCommand, Command, KeyValuePair, KeyValuePairOptional, Stage } from './commands';
import { parseHealthcheck } from './healthcheck';
import { parseAdd, parseCopy } from './parse-copy';
import { parseCmd, parseEntrypoint, parseRun, parseShell } from './parse-exec';
import {
  commandBase,
  commentFor,
  errAtLeastOneArgument,
  errBlankCommandNames,
  errExactlyOneArgument,
  requestFromNode,
  type ParseRequest,
} from './request';

/** Every Dockerfile instruction (BuildKit `frontend/dockerfile/command`). */
export const INSTRUCTION_NAMES = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;

function keyValuePairs(args: readonly string[], command: string): KeyValuePair[] {
  if (args.length === 0) throw errAtLeastOneArgument(command);
  if (args.length % 3 !== 0) throw new InstructionError(`Bad input to ${command}, too many arguments`);
  const pairs: KeyValuePair[] = [];
  for (let i = 0; i < args.length; i += 3) {
    if (args[i] === '') throw errBlankCommandNames(command);
    pairs.push({ key: args[i]!, value: args[i + 1]!, noDelim: args[i + 2] === '' });
  }
  return pairs;
}

const validStageName = /^[a-z][a-z0-9-_.]*$/;

function parseFrom(req: ParseRequest): Stage {
  let name: string | undefined;
  if (req.args.length === 3 && req.args[1]!.toLowerCase() === 'as') {
    name = req.args[2]!.toLowerCase();
    if (!validStageName.test(name)) {
      throw new InstructionError(
        `invalid name for build stage: ${goQuote(req.args[2]!)}, name can't start with a number or contain symbols`,
      );
    }
  } else if (req.args.length !== 1) {
    throw new InstructionError('FROM requires either one or three arguments');
  }
  const platform = req.flags.addString('platform').parse().string('platform');
  return {
    ...(name === undefined ? {} : { name }),
    baseName: req.args[0]!,
    ...(platform === '' ? {} : { platform }),
    sourceCode: trimGoSpace(req.original),
    commands: [],
    location: req.location,
    comment: commentFor(req.comments, name ?? ''),
  };
}

function parseOnbuild(req: ParseRequest): Command {
  if (req.args.length === 0) throw errAtLeastOneArgument('ONBUILD');
  req.flags.parse();
  const trigger = trimGoSpace(req.args[0]!).toUpperCase();
  if (trigger === 'ONBUILD') throw new InstructionError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === 'MAINTAINER' || trigger === 'FROM') {
    throw new InstructionError(`${trigger} isn't allowed as an ONBUILD trigger`);
  }
  let expression = req.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
  for (const heredoc of req.heredocs) expression += '\n' + heredoc.content + heredoc.name;
  return { ...commandBase(req), kind: 'onbuild', expression };
}

function parseArg(req: ParseRequest): ArgCommand {
  if (req.args.length < 1) throw errAtLeastOneArgument('ARG');
  // BuildKit's ARG reads no flags at all: `ARG --x=1 NAME` ignores `--x=1`.
  const args = req.args.map((arg): KeyValuePairOptional => {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    if (eq === 0) throw errBlankCommandNames('ARG');
    const comment = commentFor(req.comments, key);
    return eq < 0 ? { key, comment } : { key, value: arg.slice(eq + 1), comment };
  });
  return { ...commandBase(req), kind: 'arg', args };
}

/** One argument, no flags beyond the empty set. */
function single(req: ParseRequest, command: string): string {
  if (req.args.length !== 1) throw errExactlyOneArgument(command);
  req.flags.parse();
  return req.args[0]!;
}

function parseVolume(req: ParseRequest): Command {
  if (req.args.length === 0) throw errAtLeastOneArgument('VOLUME');
  req.flags.parse();
  const volumes = req.args.map((v) => {
    const trimmed = trimGoSpace(v);
    if (trimmed === '') throw new InstructionError('VOLUME specified can not be an empty string');
    return trimmed;
  });
  return { ...commandBase(req), kind: 'volume', volumes };
}

function parseExpose(req: ParseRequest): Command {
  if (req.args.length === 0) throw errAtLeastOneArgument('EXPOSE');
  req.flags.parse();
  // Docker sorts the ports as plain strings: `443`, `80/udp`, `8080`.
  const ports = [...req.args].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...commandBase(req), kind: 'expose', ports };
}

function parseStopSignal(req: ParseRequest): Command {
  // Like ARG, STOPSIGNAL reads no flags.
  if (req.args.length !== 1) throw errExactlyOneArgument('STOPSIGNAL');
  return { ...commandBase(req), kind: 'stopsignal', signal: req.args[0]! };
}

const parsers: Record<string, (req: ParseRequest) => Command | Stage> = {
  env: (req) => {
    req.flags.parse();
    return { ...commandBase(req), kind: 'env', env: keyValuePairs(req.args, 'ENV') };
  },
  maintainer: (req) => ({ ...commandBase(req), kind: 'maintainer', maintainer: single(req, 'MAINTAINER') }),
  label: (req) => {
    req.flags.parse();
    return { ...commandBase(req), kind: 'label', labels: keyValuePairs(req.args, 'LABEL'), noExpand: false };
  },
  add: parseAdd,
  copy: parseCopy,
  from: parseFrom,
  onbuild: parseOnbuild,
  workdir: (req) => ({ ...commandBase(req), kind: 'workdir', path: single(req, 'WORKDIR') }),
  run: parseRun,
  cmd: parseCmd,
  healthcheck: parseHealthcheck,
  entrypoint: parseEntrypoint,
  expose: parseExpose,
  user: (req) => ({ ...commandBase(req), kind: 'user', user: single(req, 'USER') }),
  volume: parseVolume,
  stopsignal: parseStopSignal,
  arg: parseArg,
  shell: parseShell,
};

/** Whether a FROM made this, rather than another instruction. */
export function isStage(parsed: Command | Stage): parsed is Stage {
  return !('kind' in parsed);
}

/** Parse one node into a command or a stage; throws InstructionError (bare message, location set). */
export function parseInstruction(node: InstructionNode): Command | Stage {
  const location = { start: node.startLine, end: node.endLine };
  const lower = node.keyword.toLowerCase();
  try {
    const parser = Object.hasOwn(parsers, lower) ? parsers[lower] : undefined;
    if (!parser) {
      const hint = suggest(node.keyword, INSTRUCTION_NAMES, false);
      throw new InstructionError(withSuggestion(`unknown instruction: ${node.keyword}`, hint));
    }
    return parser(requestFromNode(node));
  } catch (error) {
    if (error instanceof InstructionError) error.location ??= location;
    throw error;
  }
}
