// `docker container …`, and the container shortcuts at the top of the tree (`docker run`,
// `docker ps`, `docker logs`…): one implementation each, listed in both places.
import type { CommandSpec } from '../../cli/command';
import { exportSpec, portSpec, statsSpec, updateSpec } from '../catalogue/leaves';
import { attachCommand } from './attach';
import { commitCommand } from './commit';
import { cpCommand } from './cp';
import { createCommand } from './create';
import { diffCommand } from './diff';
import { execCommand } from './exec';
import { containerInspectCommand } from './inspect';
import { killCommand } from './kill';
import { psCommand } from './list';
import { logsCommand } from './logs';
import { pauseCommand, unpauseCommand } from './pause';
import { containerPruneCommand } from './prune';
import { removeContainersCommand } from './remove';
import { renameCommand } from './rename';
import { restartCommand } from './restart';
import { runCommand } from './run';
import { startCommand } from './start';
import { stopCommand } from './stop';
import { topCommand } from './top';
import { waitCommand } from './wait';

/** The container commands that also stand at the top level (`docker run` = `docker container run`). */
function shared(): CommandSpec[] {
  return [
    attachCommand(),
    commitCommand(),
    cpCommand(),
    createCommand(),
    diffCommand(),
    execCommand(),
    killCommand(),
    logsCommand(),
    pauseCommand(),
    renameCommand(),
    restartCommand(),
    runCommand(),
    startCommand(),
    stopCommand(),
    topCommand(),
    unpauseCommand(),
    waitCommand(),
  ];
}

export function containerCommands(): CommandSpec[] {
  return [...shared(), psCommand('ps'), removeContainersCommand(false)];
}

export function containerGroup(): CommandSpec {
  return {
    name: 'container',
    use: 'container',
    short: 'Manage containers',
    subcommands: [
      ...shared().map((spec) => ({ ...spec, top: undefined })),
      containerInspectCommand(),
      psCommand('ls'),
      containerPruneCommand(),
      removeContainersCommand(true),
      exportSpec(),
      portSpec(),
      statsSpec(),
      updateSpec(),
    ],
  };
}
