// The instructions that name a command to run: RUN, CMD, ENTRYPOINT, and SHELL which sets the shell
// the others' shell form uses (BuildKit `instructions/parse.go`, `commands_runmount.go`,
// `commands_runnetwork.go`).
//
//   RUN apt-get update            shell form: ["apt-get update"], run as SHELL + that string
//   RUN ["apt-get", "update"]     exec form: run as given
//   RUN <<EOF … EOF               a heredoc script, kept as an inline file
//   RUN --mount=type=cache,target=/root/.cache --network=none make
//
// RUN's `--mount` and `--network` are BuildKit features; they parse here, and the classic builder
// refuses them when it runs the step (`the --mount option requires BuildKit…`).
import { InstructionError } from '../errors';
import { goQuote } from '../go-text';
import type { Command, EntrypointCommand, RunCommand, ShellDependantCmdLine, ShellInlineFile } from './commands';
import { commandBase, errAtLeastOneArgument, errNotJSON, handleJSONArgs, type ParseRequest } from './request';

function shellDependentCommand(req: ParseRequest): ShellDependantCmdLine {
  const files: ShellInlineFile[] = req.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp }));
  return { cmdLine: handleJSONArgs(req.args, req.json), files, prependShell: !req.json };
}

const networkModes = ['default', 'none', 'host'];

export function parseRun(req: ParseRequest): RunCommand {
  const flags = req.flags.addStrings('mount').addString('network', 'default').parse();
  const network = flags.string('network');
  const command: RunCommand = {
    ...commandBase(req),
    kind: 'run',
    ...shellDependentCommand(req),
    flagsUsed: flags.used(),
    mounts: flags.strings('mount'),
    network,
  };
  if (!networkModes.includes(network)) throw new InstructionError(`invalid network mode ${goQuote(network)}`);
  return command;
}

export function parseCmd(req: ParseRequest): Command {
  req.flags.parse();
  return { ...commandBase(req), kind: 'cmd', ...shellDependentCommand(req) };
}

export function parseEntrypoint(req: ParseRequest): EntrypointCommand {
  req.flags.parse();
  const line = shellDependentCommand(req);
  return { ...commandBase(req), kind: 'entrypoint', ...line, cmdLine: line.cmdLine.length === 0 ? null : line.cmdLine };
}

export function parseShell(req: ParseRequest): Command {
  req.flags.parse();
  const shell = handleJSONArgs(req.args, req.json);
  if (shell.length === 0) throw errAtLeastOneArgument('SHELL');
  if (!req.json) throw errNotJSON('SHELL');
  return { ...commandBase(req), kind: 'shell', shell };
}
