import { describe, expect, it } from 'vitest';
import {
  DockerfileNotFoundError,
  DockerfileParseError,
  DockerfileSyntaxError,
  EmptyDockerfileError,
  StageError,
} from './errors';
import { locateDockerfile, parseDockerfile, readClassicDockerfile } from './dockerfile';

const sample = [
  '# syntax=docker/dockerfile:1',
  'ARG NODE=22',
  'FROM node:${NODE}-alpine AS build',
  'WORKDIR /app',
  'COPY package.json ./',
  'RUN npm ci',
  'COPY . .',
  'RUN npm run build',
  '',
  'FROM nginx:alpine',
  'COPY --from=build /app/dist /usr/share/nginx/html',
  'EXPOSE 80',
  'CMD ["nginx", "-g", "daemon off;"]',
].join('\n');

describe('parseDockerfile', () => {
  it('reads a multi-stage Dockerfile into nodes, stages and global args', () => {
    const dockerfile = parseDockerfile(sample);
    expect(dockerfile.nodes).toHaveLength(11);
    expect(dockerfile.directives).toEqual([{ name: 'syntax', value: 'docker/dockerfile:1', line: 1 }]);
    expect(dockerfile.metaArgs).toHaveLength(1);
    expect(dockerfile.stages.map((s) => [s.name, s.baseName, s.commands.map((c) => c.kind)])).toEqual([
      ['build', 'node:${NODE}-alpine', ['workdir', 'copy', 'run', 'copy', 'run']],
      [undefined, 'nginx:alpine', ['copy', 'expose', 'cmd']],
    ]);
    expect(dockerfile.escapeToken).toBe('\\');
  });
});

describe('the classic builder’s reading of the Dockerfile', () => {
  it('finds Dockerfile, or dockerfile when the default name is missing', () => {
    expect(locateDockerfile('Dockerfile', (p) => p === 'Dockerfile')).toBe('Dockerfile');
    expect(locateDockerfile('Dockerfile', (p) => p === 'dockerfile')).toBe('dockerfile');
    expect(() => locateDockerfile('Dockerfile', () => false)).toThrow(new DockerfileNotFoundError('Dockerfile'));
    expect(() => locateDockerfile('app.Dockerfile', (p) => p === 'app.dockerfile')).toThrow(
      'Cannot locate specified Dockerfile: app.Dockerfile',
    );
  });

  const rows: [string, string, string, new (...args: never[]) => Error][] = [
    ['an empty file', '', 'the Dockerfile (Dockerfile) cannot be empty', EmptyDockerfileError],
    ['only comments', '# nothing\n', 'failed to parse Dockerfile: file with no instructions', DockerfileSyntaxError],
    [
      'ENV with a stray word',
      'FROM a\nENV a=1 RUN',
      'failed to parse Dockerfile: Syntax error - can\'t find = in "RUN". Must be of the form: name=value',
      DockerfileSyntaxError,
    ],
    [
      'an unknown instruction',
      'FROM alpine\nRUNN echo',
      'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
      DockerfileParseError,
    ],
    ['an instruction before FROM', 'RUN x', 'no build stage in current context', StageError],
  ];
  it.each(rows)('%s', (_, text, message, type) => {
    try {
      readClassicDockerfile('Dockerfile', text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toBe(message);
    }
  });

  it('keeps the line of a line-parser error', () => {
    try {
      readClassicDockerfile('Dockerfile', 'FROM a\n\nENV x');
      expect.unreachable();
    } catch (error) {
      expect((error as DockerfileSyntaxError).location).toEqual({ start: 3, end: 3 });
    }
  });

  it('reads a good Dockerfile exactly like parseDockerfile', () => {
    expect(readClassicDockerfile('Dockerfile', sample)).toEqual(parseDockerfile(sample));
  });
});
