// The docker command tree, as `docker --help` lists it: the common commands at the top, the
// management commands (`docker container …`, `docker image …`), the swarm ones, and the rest.
// The shortcuts and the management commands share their implementations: `docker rmi` is
// `docker image rm`, `docker ps` is `docker container ls`.
import type { CommandSpec } from '../cli/command';
import {
  buildSpec,
  exportSpec,
  importSpec,
  portSpec,
  statsSpec,
  systemPruneSpec,
  updateSpec,
} from './catalogue/leaves';
import { contextCommands } from './context/group';
import { networkCommands } from './catalogue/network';
import { otherCommands } from './catalogue/others';
import { serviceCommands } from './catalogue/service';
import { stackCommands } from './catalogue/stack';
import { swarmCommands } from './catalogue/swarm';
import { volumeCommands } from './catalogue/volume';
import { containerCommands, containerGroup } from './container/group';
import { historyCommand } from './image/history';
import { imageInspectCommand } from './image/inspect';
import { imagesCommand } from './image/list';
import { loadCommand } from './image/load';
import { imagePruneCommand } from './image/prune';
import { pullCommand } from './image/pull';
import { pushCommand } from './image/push';
import { removeImagesCommand } from './image/remove';
import { saveCommand } from './image/save';
import { tagCommand } from './image/tag';
import { loginCommand } from './registry/login';
import { logoutCommand } from './registry/logout';
import { searchCommand } from './registry/search';
import { diskUsageCommand } from './system/df';
import { eventsCommand } from './system/events';
import { helpCommand } from './system/help';
import { infoCommand } from './system/info';
import { inspectCommand } from './system/inspect';
import { versionCommand } from './system/version';

function imageGroup(): CommandSpec {
  return {
    name: 'image',
    use: 'image',
    short: 'Manage images',
    subcommands: [
      { ...buildSpec(), top: undefined },
      historyCommand(),
      importSpec(),
      imageInspectCommand(),
      loadCommand(),
      imagesCommand('ls'),
      imagePruneCommand(),
      pullCommand(),
      pushCommand(),
      removeImagesCommand('rm'),
      saveCommand(),
      tagCommand(),
    ],
  };
}

function systemGroup(): CommandSpec {
  return {
    name: 'system',
    use: 'system',
    short: 'Manage Docker',
    subcommands: [diskUsageCommand(), eventsCommand(), infoCommand(), systemPruneSpec()],
  };
}

export function commandTree(): CommandSpec[] {
  return [
    { ...buildSpec(), top: 4 },
    pullCommand(),
    pushCommand(),
    imagesCommand('images'),
    loginCommand(),
    logoutCommand(),
    searchCommand(),
    versionCommand(),
    infoCommand(),
    ...containerCommands(),
    eventsCommand(),
    exportSpec(),
    historyCommand(),
    importSpec(),
    inspectCommand(),
    loadCommand(),
    portSpec(),
    removeImagesCommand('rmi'),
    saveCommand(),
    statsSpec(),
    tagCommand(),
    updateSpec(),
    containerGroup(),
    imageGroup(),
    systemGroup(),
    ...contextCommands(),
    ...networkCommands(),
    ...otherCommands(),
    ...serviceCommands(),
    ...stackCommands(),
    ...swarmCommands(),
    ...volumeCommands(),
    helpCommand(),
  ];
}
