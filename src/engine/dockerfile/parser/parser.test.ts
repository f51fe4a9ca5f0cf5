import { describe, expect, it } from 'vitest';
import { DockerfileSyntaxError } from '../errors';
import { dumpNode, type InstructionNode } from './ast';
import { formatWarnings, parseDockerfileAst } from './parser';

/** BuildKit's `result` files: one `(…)` line per instruction. ENV/LABEL separators are not shown. */
function dump(text: string): string {
  const lines = parseDockerfileAst(text).nodes.map((node) => `(${dumpNode(withoutSeparators(node))})`);
  return lines.join('\n') + '\n';
}

function withoutSeparators(node: InstructionNode): InstructionNode {
  const keyword = node.keyword.toLowerCase();
  if (keyword !== 'env' && keyword !== 'label') return node;
  return { ...node, args: node.args.filter((_, i) => i % 3 !== 2) };
}

describe('BuildKit parser testfiles', () => {
  it('health', () => {
    const dockerfile = [
      'FROM debian',
      'ADD check.sh main.sh /app/',
      'CMD /app/main.sh',
      'HEALTHCHECK',
      'HEALTHCHECK --interval=5s --timeout=3s --retries=3 \\',
      '  CMD /app/check.sh --quiet',
      'HEALTHCHECK CMD',
      'HEALTHCHECK   CMD   a b',
      'HEALTHCHECK --timeout=3s CMD ["foo"]',
      'HEALTHCHECK CONNECT TCP 7000',
      'HEALTHCHECK --start-period=0s --interval=5s --timeout=0s --retries=0 CMD ["foo"]',
      '',
    ].join('\n');
    expect(dump(dockerfile)).toBe(
      [
        '(from "debian")',
        '(add "check.sh" "main.sh" "/app/")',
        '(cmd "/app/main.sh")',
        '(healthcheck)',
        '(healthcheck ["--interval=5s" "--timeout=3s" "--retries=3"] "CMD" "/app/check.sh --quiet")',
        '(healthcheck "CMD")',
        '(healthcheck "CMD" "a b")',
        '(healthcheck ["--timeout=3s"] "CMD" "foo")',
        '(healthcheck "CONNECT" "TCP 7000")',
        '(healthcheck ["--start-period=0s" "--interval=5s" "--timeout=0s" "--retries=0"] "CMD" "foo")',
        '',
      ].join('\n'),
    );
  });

  it('docker (tabs, long continuations, comments between instructions)', () => {
    const dockerfile = [
      '# This file describes the standard way to build Docker, using docker',
      '#',
      'FROM\tubuntu:14.04',
      'LABEL\tmaintainer\tTianon Gravi <admwiggin@gmail.com> (@tianon)',
      '',
      '# Packaged dependencies',
      'RUN\tapt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -yq \\',
      '\tapt-utils \\',
      '\taufs-tools \\',
      '\ts3cmd=1.1.0* \\',
      '\t--no-install-recommends',
      '',
      'ENV\tPATH\t/usr/local/go/bin:$PATH',
      '# Compile Go for cross compilation',
      'ENV\tDOCKER_CROSSPLATFORMS\t\\',
      '\tlinux/386 linux/arm \\',
      '\tdarwin/amd64 darwin/386 \\',
      '\tfreebsd/amd64 freebsd/386 freebsd/arm',
      "RUN\tcd /usr/local/go/src && bash -xc 'for platform in $DOCKER_CROSSPLATFORMS; do GOOS=${platform%/*} GOARCH=${platform##*/} ./make.bash --no-clean 2>&1; done'",
      "RUN\t/bin/echo -e '[default]\\naccess_key=$AWS_ACCESS_KEY\\nsecret_key=$AWS_SECRET_KEY' > /.s3cfg",
      'VOLUME\t/var/lib/docker',
      'WORKDIR\t/go/src/github.com/docker/docker',
      'ENV\tDOCKER_BUILDTAGS\tapparmor selinux',
      'ENTRYPOINT\t["hack/dind"]',
      'COPY\t.\t/go/src/github.com/docker/docker',
      '',
    ].join('\n');
    expect(dump(dockerfile)).toBe(
      [
        '(from "ubuntu:14.04")',
        '(label "maintainer" "Tianon Gravi <admwiggin@gmail.com> (@tianon)")',
        '(run "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -yq \\tapt-utils \\taufs-tools \\ts3cmd=1.1.0* \\t--no-install-recommends")',
        '(env "PATH" "/usr/local/go/bin:$PATH")',
        '(env "DOCKER_CROSSPLATFORMS" "linux/386 linux/arm \\tdarwin/amd64 darwin/386 \\tfreebsd/amd64 freebsd/386 freebsd/arm")',
        `(run "cd /usr/local/go/src && bash -xc 'for platform in $DOCKER_CROSSPLATFORMS; do GOOS=\${platform%/*} GOARCH=\${platform##*/} ./make.bash --no-clean 2>&1; done'")`,
        `(run "/bin/echo -e '[default]\\\\naccess_key=$AWS_ACCESS_KEY\\\\nsecret_key=$AWS_SECRET_KEY' > /.s3cfg")`,
        '(volume "/var/lib/docker")',
        '(workdir "/go/src/github.com/docker/docker")',
        '(env "DOCKER_BUILDTAGS" "apparmor selinux")',
        '(entrypoint "hack/dind")',
        '(copy "." "/go/src/github.com/docker/docker")',
        '',
      ].join('\n'),
    );
  });
});

describe('lines', () => {
  it('records where each instruction starts and ends (continuations, comments and blanks count)', () => {
    const text = ['# comment', '', 'FROM busybox', '', 'RUN a \\', '  # inside', '  b', '', 'CMD ["x"]'].join('\n');
    const lines = parseDockerfileAst(text).nodes.map((n) => [n.startLine, n.endLine]);
    expect(lines).toEqual([
      [3, 3],
      [5, 7],
      [9, 9],
    ]);
  });

  it('joins continuation lines without the escape and keeps their leading space', () => {
    const [node] = parseDockerfileAst('RUN echo a \\\n    b\\\n c').nodes;
    expect(node!.args).toEqual(['echo a     b c']);
    expect(node!.original).toBe('RUN echo a     b c');
  });

  it('continues a line only when its last escape is not itself escaped', () => {
    expect(parseDockerfileAst('RUN echo \\\\\nRUN x').nodes).toHaveLength(2);
    expect(parseDockerfileAst('RUN echo \\ \t\nb').nodes[0]!.args).toEqual(['echo b']);
  });

  it('handles CRLF line endings and a UTF-8 byte-order mark', () => {
    const nodes = parseDockerfileAst('\ufeffFROM a\r\nRUN b \\\r\n c\r\n').nodes;
    expect(nodes.map((n) => n.args)).toEqual([['a'], ['b  c']]);
  });

  it('keeps the comment lines above an instruction', () => {
    const nodes = parseDockerfileAst(
      '# stage for building\n# with go\nFROM golang AS build\n#\n# empty resets\nRUN x',
    ).nodes;
    expect(nodes[0]!.comments).toEqual(['stage for building', 'with go']);
    expect(nodes[1]!.comments).toEqual(['empty resets']);
  });

  it('keeps the keyword as written', () => {
    expect(parseDockerfileAst('from a\nRun b').nodes.map((n) => n.keyword)).toEqual(['from', 'Run']);
  });

  it('still makes a node for an unknown instruction (rejected later by name)', () => {
    const [node] = parseDockerfileAst('RUNN echo').nodes;
    expect(node).toMatchObject({ keyword: 'RUNN', args: [''] });
  });
});

describe('warnings', () => {
  it('warns about empty continuation lines with BuildKit’s wording (its own test)', () => {
    const text = [
      '',
      'FROM alpine:3.6',
      '',
      'RUN something \\',
      '',
      '    following \\',
      '',
      '    more',
      '',
      'RUN another \\',
      '',
      '    thing',
      'RUN non-indented \\',
      '# this is a comment',
      '   after-comment',
      '',
      'RUN indented \\',
      '    # this is an indented comment',
      '    comment',
      '\t',
    ].join('\n');
    const { warnings } = parseDockerfileAst(text);
    expect(warnings.map((w) => w.short)).toEqual([
      'Empty continuation line found in: RUN something     following     more',
      'Empty continuation line found in: RUN another     thing',
    ]);
    expect(warnings[0]!.url).toBe('https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/');
    expect(formatWarnings(warnings)).toBe(
      '[WARNING]: Empty continuation line found in: RUN something     following     more\n' +
        '[WARNING]: Empty continuation line found in: RUN another     thing\n' +
        '[WARNING]: Empty continuation lines will become errors in a future release.\n',
    );
    expect(formatWarnings([])).toBe('');
  });
});

describe('parser directives', () => {
  it('switches the escape character with # escape=`', () => {
    const ast = parseDockerfileAst('# escape=`\nFROM windows\nRUN dir `\n  C:\\\nCOPY a\\b c');
    expect(ast.escapeToken).toBe('`');
    expect(ast.nodes.map((n) => n.args)).toEqual([['windows'], ['dir   C:\\'], ['a\\b', 'c']]);
    expect(ast.directives).toEqual([{ name: 'escape', value: '`', line: 1 }]);
  });

  it('reads syntax and check, case-insensitively, and only at the top', () => {
    const ast = parseDockerfileAst(
      '# SYNTAX = docker/dockerfile:1 // x\n#check=skip=all\nFROM a\n# escape=`\nRUN b \\\n c',
    );
    expect(ast.directives.map((d) => [d.name, d.value, d.line])).toEqual([
      ['syntax', 'docker/dockerfile:1 // x', 1],
      ['check', 'skip=all', 2],
    ]);
    expect(ast.escapeToken).toBe('\\');
    expect(ast.nodes[1]!.args).toEqual(['b  c']);
  });

  it('stops looking for directives at the first other line, even a blank one', () => {
    expect(parseDockerfileAst('\n# escape=`\nFROM a').escapeToken).toBe('\\');
    expect(parseDockerfileAst('# hello\n# escape=`\nFROM a').escapeToken).toBe('\\');
    expect(parseDockerfileAst('# unknown=x\n# escape=`\nFROM a').escapeToken).toBe('\\');
  });

  it('keeps directive lines out of the comments of the first instruction', () => {
    expect(parseDockerfileAst('# syntax=x\n# about\nFROM a').nodes[0]!.comments).toEqual(['about']);
  });
});

describe('errors', () => {
  const rows: [string, string, string, [number, number]][] = [
    ['an empty file', '', 'file with no instructions', [0, 0]],
    ['only comments', '# a\n\n# b\n', 'file with no instructions', [3, 3]],
    ['a repeated directive', '# escape=\\\n# escape=`\nFROM a', 'only one escape parser directive can be used', [2, 2]],
    ['a bad escape', '# escape=x\nFROM a', "invalid escape token 'x' does not match ` or \\", [1, 1]],
    ['ENV without a value', 'FROM a\nENV foo', 'ENV must have two arguments', [2, 2]],
    [
      'ENV with a stray word',
      'FROM a\nENV a=b c',
      'Syntax error - can\'t find = in "c". Must be of the form: name=value',
      [2, 2],
    ],
    [
      'LABEL with a stray word',
      'FROM a\nLABEL x=1 \\\n y',
      'Syntax error - can\'t find = in "y". Must be of the form: name=value',
      [2, 3],
    ],
    [
      'a JSON array of numbers',
      'FROM a\nCMD [1, 2]',
      'when using JSON array syntax, arrays must be comprised of strings only',
      [2, 2],
    ],
    ['an unterminated heredoc', 'FROM a\nRUN <<EOF\necho hi\n', 'unterminated heredoc', [2, 3]],
  ];
  it.each(rows)('%s', (_, text, message, [start, end]) => {
    try {
      parseDockerfileAst(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DockerfileSyntaxError);
      expect((error as DockerfileSyntaxError).message).toContain(message);
      expect((error as DockerfileSyntaxError).location).toEqual({ start, end });
    }
  });

  it('refuses a line longer than 64 KiB, as Go’s line scanner does', () => {
    const text = `FROM image\nLABEL test=${'a'.repeat(64 * 1024)}\n`;
    expect(() => parseDockerfileAst(text)).toThrow('dockerfile line greater than max allowed size of 65535');
    expect(() => parseDockerfileAst(`LABEL a=${'b'.repeat(70000)}`)).toThrow('file with no instructions');
  });
});
