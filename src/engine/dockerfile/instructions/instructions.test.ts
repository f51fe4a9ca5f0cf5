import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile';
import { InstructionError, StageError } from '../errors';
import { ShellExpansionError, ShellLex, envFromList, envFromRecord } from '../shell-lex';
import type { Command, CopyCommand, RunCommand, Stage } from './commands';
import {
  expandBaseName,
  expandCommand,
  expandExposePorts,
  expandPlatform,
  expanderFor,
  supportsExpansion,
} from './expand';
import { BuilderFlags } from './flags';
import { BuiltStages, stagesUpToTarget } from './stages';

const commandsOf = (text: string): readonly Command[] => parseDockerfile(`FROM scratch\n${text}`).stages[0]!.commands;
const only = <K extends Command['kind']>(text: string, kind: K) => {
  const [command] = commandsOf(text);
  expect(command?.kind).toBe(kind);
  return command as Extract<Command, { kind: K }>;
};

describe('stages and global args', () => {
  const dockerfile = [
    'ARG VERSION=3.20',
    'ARG BASE',
    '# build compiles the app',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS Build',
    'RUN go build',
    'FROM alpine:${VERSION}',
    'COPY --from=build /app /app',
    'FROM build AS test',
  ].join('\n');
  const { stages, metaArgs } = parseDockerfile(dockerfile);

  it('collects the ARGs before the first FROM as meta args', () => {
    expect(metaArgs.map((a) => a.args)).toEqual([
      [{ key: 'VERSION', value: '3.20', comment: '' }],
      [{ key: 'BASE', comment: '' }],
    ]);
    expect(metaArgs[0]!.code).toBe('ARG VERSION=3.20');
  });

  it('opens a stage at every FROM, with a lower-cased name', () => {
    expect(stages.map((s) => [s.name, s.baseName, s.platform, s.commands.length])).toEqual([
      ['build', 'golang:1.22', '$BUILDPLATFORM', 1],
      [undefined, 'alpine:${VERSION}', undefined, 1],
      ['test', 'build', undefined, 0],
    ]);
    expect(stages[0]!.sourceCode).toBe('FROM --platform=$BUILDPLATFORM golang:1.22 AS Build');
    expect(stages[0]!.comment).toBe('compiles the app');
    expect(stages[0]!.location).toEqual({ start: 4, end: 4 });
  });

  it('selects stages for --target, case-insensitively, keeping every earlier stage', () => {
    expect(stagesUpToTarget(stages, 'BUILD')).toHaveLength(1);
    expect(stagesUpToTarget(stages, 'test')).toHaveLength(3);
    expect(stagesUpToTarget(stages, '')).toHaveLength(3);
    expect(() => stagesUpToTarget(stages, 'prod')).toThrow(new StageError('target stage "prod" could not be found'));
  });
});

describe('COPY --from and stage names during a classic build', () => {
  const built = new BuiltStages();
  built.commit('build');
  built.commit(undefined);

  it('resolves a finished stage by name or by index, anything else is an image', () => {
    expect(built.resolveCopyFrom('BUILD')).toEqual({ kind: 'stage', index: 0 });
    expect(built.resolveCopyFrom('1')).toEqual({ kind: 'stage', index: 1 });
    expect(built.resolveCopyFrom('nginx:alpine')).toEqual({ kind: 'image', ref: 'nginx:alpine' });
    expect(built.resolveCopyFrom('99999999999999999999')).toEqual({ kind: 'image', ref: '99999999999999999999' });
    expect(built.byName('build')).toBe(0);
    expect(built.byName('nope')).toBeUndefined();
  });

  it('refuses the current stage and indexes past it, with moby’s words', () => {
    expect(() => built.resolveCopyFrom('2')).toThrow('invalid from flag value 2: refers to current build stage');
    expect(() => built.resolveCopyFrom('3')).toThrow('invalid from flag value 3: index out of bounds');
    expect(() => built.resolveCopyFrom('-1')).toThrow('invalid from flag value -1: index out of bounds');
  });

  it('refuses a stage name used twice', () => {
    expect(() => built.checkNameAvailable('Build')).toThrow(new StageError('Build stage name already used'));
    expect(() => built.commit('build')).toThrow('build stage name already used');
    expect(built.count).toBe(2);
  });
});

describe('typed commands', () => {
  it('ENV and LABEL keep pairs in order, marking the legacy form', () => {
    expect(only('ENV a=1 b="x y"', 'env').env).toEqual([
      { key: 'a', value: '1', noDelim: false },
      { key: 'b', value: '"x y"', noDelim: false },
    ]);
    expect(only('ENV PATH /a b', 'env').env).toEqual([{ key: 'PATH', value: '/a b', noDelim: true }]);
    expect(only('LABEL "com.example"="v 1"', 'label').labels).toEqual([
      { key: '"com.example"', value: '"v 1"', noDelim: false },
    ]);
  });

  it('ARG takes several names, with or without defaults', () => {
    expect(only('# A the first\nARG A B= C=3', 'arg').args).toEqual([
      { key: 'A', comment: 'the first' },
      { key: 'B', value: '', comment: '' },
      { key: 'C', value: '3', comment: '' },
    ]);
  });

  it('RUN, CMD and ENTRYPOINT in shell and exec form', () => {
    expect(only('RUN echo hi', 'run')).toMatchObject({ cmdLine: ['echo hi'], prependShell: true, files: [] });
    expect(only('RUN ["echo", "hi"]', 'run')).toMatchObject({ cmdLine: ['echo', 'hi'], prependShell: false });
    expect(only('CMD []', 'cmd')).toMatchObject({ cmdLine: [], prependShell: false });
    expect(only('ENTRYPOINT []', 'entrypoint').cmdLine).toBeNull();
    expect(only('ENTRYPOINT ["nginx", "-g", "daemon off;"]', 'entrypoint').cmdLine).toEqual([
      'nginx',
      '-g',
      'daemon off;',
    ]);
    expect(only('SHELL ["powershell", "-command"]', 'shell').shell).toEqual(['powershell', '-command']);
  });

  it('RUN heredocs become inline files (BuildKit TestRunHeredoc)', () => {
    const run: RunCommand = only('RUN <<\'EOF\' | python\nprint("hello")\nprint("world")\nEOF', 'run');
    expect(run.cmdLine).toEqual(["<<'EOF' | python"]);
    expect(run.files).toEqual([{ name: 'EOF', data: 'print("hello")\nprint("world")\n', chomp: false }]);
    expect(only('RUN <<-EOF\n\techo test\nEOF', 'run').files).toEqual([
      { name: 'EOF', data: '\techo test\n', chomp: true },
    ]);
    expect(only('RUN ["<<EOF"]', 'run')).toMatchObject({ cmdLine: ['<<EOF'], files: [], prependShell: false });
  });

  it('RUN --mount and --network (BuildKit features)', () => {
    const run = only(
      'RUN --mount=type=cache,target=/root/.cache --network=none --mount=type=tmpfs,target=/t make',
      'run',
    );
    expect(run.mounts).toEqual(['type=cache,target=/root/.cache', 'type=tmpfs,target=/t']);
    expect(run.network).toBe('none');
    expect(run.flagsUsed).toEqual(['mount', 'network']);
    expect(only('RUN make', 'run')).toMatchObject({ network: 'default', flagsUsed: [], mounts: [] });
  });

  it('COPY and ADD: sources, destination, flags and heredoc files (BuildKit TestCopyHeredoc)', () => {
    const copy: CopyCommand = only('COPY --from=build --chown=app:app --chmod=0755 --link a b /dest/', 'copy');
    expect(copy).toMatchObject({
      sourcePaths: ['a', 'b'],
      destPath: '/dest/',
      sourceContents: [],
      from: 'build',
      chown: 'app:app',
      chmod: '0755',
      link: true,
    });
    expect(only('COPY <<EOF foo.txt /bar\nthis is inline\nEOF', 'copy')).toMatchObject({
      sourcePaths: ['foo.txt'],
      sourceContents: [{ path: 'EOF', data: 'this is inline\n', expand: true }],
      destPath: '/bar',
    });
    expect(only('COPY <<-EOF /bar\n\tTESTING\nEOF', 'copy').sourceContents).toEqual([
      { path: 'EOF', data: 'TESTING\n', expand: true },
    ]);
    expect(only("COPY <<'EOF' /bar\nTESTING\nEOF", 'copy').sourceContents[0]!.expand).toBe(false);
    expect(only('ADD --checksum=sha256:abc --keep-git-dir --unpack=false https://x/y.tgz /', 'add')).toMatchObject({
      checksum: 'sha256:abc',
      keepGitDir: true,
      unpack: false,
      link: false,
    });
    expect(only('ADD a /', 'add').unpack).toBeUndefined();
  });

  it('HEALTHCHECK: test, durations in nanoseconds, retries', () => {
    expect(
      only(
        'HEALTHCHECK --interval=5s --timeout=1m30s --start-period=500ms --start-interval=2s --retries=3 CMD curl -f x',
        'healthcheck',
      ).health,
    ).toEqual({
      test: ['CMD-SHELL', 'curl -f x'],
      interval: 5e9,
      timeout: 90e9,
      startPeriod: 5e8,
      startInterval: 2e9,
      retries: 3,
    });
    expect(only('HEALTHCHECK CMD ["curl", "-f"]', 'healthcheck').health.test).toEqual(['CMD', 'curl', '-f']);
    expect(only('HEALTHCHECK --timeout=0s --retries=0 CMD x', 'healthcheck').health).toMatchObject({
      timeout: 0,
      retries: 0,
    });
    expect(only('HEALTHCHECK --bogus=1 NONE', 'healthcheck').health.test).toEqual(['NONE']);
    expect(only('healthcheck none', 'healthcheck').health.test).toEqual(['NONE']);
  });

  it('EXPOSE sorts its ports as strings; VOLUME trims; STOPSIGNAL, USER, WORKDIR take the whole text', () => {
    expect(only('EXPOSE 8080 443/tcp 80', 'expose').ports).toEqual(['443/tcp', '80', '8080']);
    expect(only('VOLUME ["/data ", "/logs"]', 'volume').volumes).toEqual(['/data', '/logs']);
    expect(only('VOLUME /a /b', 'volume').volumes).toEqual(['/a', '/b']);
    expect(only('STOPSIGNAL SIGKILL', 'stopsignal').signal).toBe('SIGKILL');
    expect(only('USER app:app', 'user').user).toBe('app:app');
    expect(only('WORKDIR /my dir', 'workdir').path).toBe('/my dir');
    expect(only('MAINTAINER Jane <j@example.com>', 'maintainer').maintainer).toBe('Jane <j@example.com>');
  });

  it('ONBUILD keeps its trigger text, heredocs included', () => {
    expect(only('ONBUILD   COPY . /app', 'onbuild').expression).toBe('COPY . /app');
    expect(only('onbuild RUN <<EOF\necho hi\nEOF', 'onbuild').expression).toBe('RUN <<EOF\necho hi\nEOF');
  });

  it('keeps the keyword and code as written', () => {
    const [run] = commandsOf('run   echo \\\n  hi  ');
    expect(run).toMatchObject({ name: 'run', code: 'run   echo   hi', location: { start: 2, end: 3 } });
  });
});

describe('builder flags (BuildKit bflag_test)', () => {
  it('parses bools, strings and repeatable strings', () => {
    const flags = new BuilderFlags(['--bool1', '--str1=BYE', '--many=a', '--many=b'])
      .addBool('bool1')
      .addString('str1', 'HI')
      .addStrings('many')
      .parse();
    expect([flags.bool('bool1'), flags.string('str1'), flags.strings('many')]).toEqual([true, 'BYE', ['a', 'b']]);
    expect(flags.used()).toEqual(['bool1', 'str1', 'many']);
  });

  it('keeps defaults for flags not given, and stops at --', () => {
    const flags = new BuilderFlags(['--', '--str1=X']).addString('str1', 'HI').addBool('b', true).parse();
    expect([flags.string('str1'), flags.bool('b'), flags.isUsed('str1')]).toEqual(['HI', true, false]);
  });

  const bad: [string[], string][] = [
    [['--str1'], 'missing a value on flag: --str1'],
    [['--bool1=false1'], 'expecting boolean value for flag --bool1, not: false1'],
    [['--bool2'], 'unknown flag: --bool2 (did you mean bool1?)'],
    [['--zzzzzz'], 'unknown flag: --zzzzzz'],
    [['-x'], 'arg should start with -- : -x'],
    [['--bool1', '--bool1'], 'duplicate flag specified: --bool1'],
  ];
  it.each(bad)('%j', (args, message) => {
    const flags = new BuilderFlags(args).addString('str1').addBool('bool1');
    expect(() => flags.parse()).toThrow(new InstructionError(message));
  });

  it('accepts --bool=TRUE and --str1= (empty)', () => {
    const flags = new BuilderFlags(['--bool1=TRUE', '--str1=']).addString('str1', 'HI').addBool('bool1').parse();
    expect([flags.bool('bool1'), flags.string('str1')]).toEqual([true, '']);
  });
});

describe('variable expansion', () => {
  const lex = new ShellLex('\\');
  const env = envFromList(['APP=/srv/app', 'USERNAME=app', 'PORTS=80 443', 'EMPTY=']);
  const expand = expanderFor(lex, env);

  it('happens in the instructions Docker documents, and never in RUN, CMD or ENTRYPOINT', () => {
    const yes = ['env', 'label', 'arg', 'copy', 'add', 'workdir', 'user', 'stopsignal', 'volume', 'expose'] as const;
    const no = ['run', 'cmd', 'entrypoint', 'shell', 'healthcheck', 'maintainer', 'onbuild'] as const;
    expect(yes.every(supportsExpansion)).toBe(true);
    expect(no.some(supportsExpansion)).toBe(false);
  });

  it('expands COPY sources, destination and flags, returning a new command', () => {
    // Shell-form COPY splits at whitespace before expansion; a path with a space needs the JSON form.
    const copy = only('COPY --from=$USERNAME --chown=${USERNAME}:${USERNAME} ["$APP/a b", "${APP}/"]', 'copy');
    const expanded = expandCommand(copy, expand);
    expect(expanded).toMatchObject({
      from: 'app',
      chown: 'app:app',
      sourcePaths: ['/srv/app/a b'],
      destPath: '/srv/app/',
    });
    expect(copy.sourcePaths).toEqual(['$APP/a b']);
    expect(() => expandCommand(only('COPY "$APP/a b" /', 'copy'), expand)).toThrow(
      'failed to process "\\"$APP/a": unexpected end of statement while looking for matching double-quote',
    );
  });

  it('expands ENV and LABEL keys and values, and ARG defaults', () => {
    expect(expandCommand(only('ENV DIR="$APP/bin" X=${EMPTY:-none}', 'env'), expand).env).toEqual([
      { key: 'DIR', value: '/srv/app/bin', noDelim: false },
      { key: 'X', value: 'none', noDelim: false },
    ]);
    expect(expandCommand(only('LABEL \'x\'="$USERNAME"', 'label'), expand).labels[0]).toMatchObject({
      key: 'x',
      value: 'app',
    });
    expect(expandCommand(only('ARG HOME=$APP OTHER', 'arg'), expand).args).toEqual([
      { key: 'HOME', value: '/srv/app', comment: '' },
      { key: 'OTHER', comment: '' },
    ]);
  });

  it('expands WORKDIR, USER, STOPSIGNAL and VOLUME, and leaves RUN alone', () => {
    expect(expandCommand(only('WORKDIR $APP', 'workdir'), expand).path).toBe('/srv/app');
    expect(expandCommand(only('USER ${USERNAME}', 'user'), expand).user).toBe('app');
    expect(expandCommand(only('VOLUME $APP/data', 'volume'), expand).volumes).toEqual(['/srv/app/data']);
    const run = only('RUN echo $APP', 'run');
    expect(expandCommand(run, expand)).toBe(run);
  });

  it('splits an EXPOSE variable into several ports', () => {
    expect(expandExposePorts(only('EXPOSE $PORTS 8080', 'expose').ports, lex, env)).toEqual(['80', '443', '8080']);
  });

  it('expands FROM with the global args only, and refuses an empty base', () => {
    const stage: Stage = parseDockerfile('FROM alpine:${VERSION:-3}\n').stages[0]!;
    expect(expandBaseName(stage, lex, envFromRecord({ VERSION: '3.20' }))).toBe('alpine:3.20');
    const empty: Stage = parseDockerfile('FROM $BASE\n').stages[0]!;
    expect(() => expandBaseName(empty, lex, envFromRecord({}))).toThrow('base name ($BASE) should not be blank');
    const platform = parseDockerfile('FROM --platform=$P a').stages[0]!;
    expect(expandPlatform(platform, lex, envFromRecord({ P: 'linux/arm64' }))).toBe('linux/arm64');
  });

  it('reports a bad substitution with the word that failed', () => {
    expect(() => expandCommand(only('WORKDIR ${APP', 'workdir'), expand)).toThrow(
      new ShellExpansionError('${APP', 'unsupported modifier (\ufffd) in substitution'),
    );
  });

  it('uses the Dockerfile’s escape character', () => {
    const windows = new ShellLex('`');
    expect(expandCommand(only('WORKDIR C:\\app`$x', 'workdir'), expanderFor(windows, env)).path).toBe('C:\\app$x');
  });
});
