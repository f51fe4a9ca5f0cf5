// `git`, installed by `apk add git` / `apt-get install git` (and present in buildpack-deps based
// images like node and python): `git --version` and `git help` answer; repositories themselves —
// clone, commit, push — are beyond the simulation, and git says so instead of faking a history.
import type { Program } from '../../contract';
import { toolVersion } from './tool-version';

export const git: Program = async (ctx) => {
  const version = toolVersion(ctx, 'git', '2.47.2');
  const [first] = ctx.argv.slice(1);
  if (first === '--version' || first === 'version') {
    ctx.stdout.write(`git version ${version}\n`);
    return 0;
  }
  if (first === undefined || first === 'help' || first === '--help') {
    ctx.stdout.write(
      'usage: git [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]\n           [--exec-path[=<path>]] [--html-path] [--man-path] [--info-path]\n           [-p | --paginate | -P | --no-pager] [--no-replace-objects] [--no-lazy-fetch]\n           [--no-optional-locks] [--no-advice] [--bare] [--git-dir=<path>]\n           [--work-tree=<path>] [--namespace=<name>] [--config-env=<name>=<envvar>]\n           <command> [<args>]\n',
    );
    return first === undefined ? 1 : 0;
  }
  ctx.stderr.write(
    `git: 'git ${first}' is beyond Dockyard's simulation (repositories are not simulated; git --version is)\n`,
  );
  return 1;
};
