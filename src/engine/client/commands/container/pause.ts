// `docker pause web` / `docker unpause web`: freeze every process of the container (the cgroup
// freezer) and thaw them — `POST /containers/web/pause`, `…/unpause`.
import { minArgs, type CommandSpec } from '../../cli/command';
import { forEachContainer } from './for-each';

function freezeCommand(action: 'pause' | 'unpause', short: string): CommandSpec {
  return {
    name: action,
    use: `${action} CONTAINER [CONTAINER...]`,
    short,
    aliasesText: `docker container ${action}, docker ${action}`,
    args: minArgs(1),
    run: ({ cli, args }) =>
      forEachContainer(cli, args, (name) => cli.api.request('POST', `/containers/${name}/${action}`)),
  };
}

export const pauseCommand = () => freezeCommand('pause', 'Pause all processes within one or more containers');
export const unpauseCommand = () => freezeCommand('unpause', 'Unpause all processes within one or more containers');
