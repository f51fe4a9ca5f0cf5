import { describe, expect, it } from 'vitest';
import {
  BuildArgs,
  ShellLex,
  envFromList,
  expandCommand,
  expanderFor,
  parseDockerfile,
  readDockerignore,
} from './index';

// The Dockerfile front end runs unchanged in the browser: parse, expand, and read a .dockerignore.
describe('Dockerfile front end in the browser', () => {
  it('parses and expands a Dockerfile', () => {
    const dockerfile = parseDockerfile(
      'ARG V=3.20\nFROM alpine:$V\nENV APP=/srv\nWORKDIR ${APP}/web\nRUN echo "<<not a heredoc"',
    );
    const workdir = dockerfile.stages[0]!.commands[1]!;
    const expanded = expandCommand(
      workdir,
      expanderFor(new ShellLex(dockerfile.escapeToken), envFromList(['APP=/srv'])),
    );
    expect(expanded).toMatchObject({ kind: 'workdir', path: '/srv/web' });
    expect(BuildArgs.fromOptions({ X: '1' }).unusedBuildArgsWarning()).toBe(
      '[Warning] One or more build-args [X] were not consumed\n',
    );
    expect(readDockerignore('# c\n/node_modules\n!keep\n')).toEqual(['node_modules', '!keep']);
  });
});
