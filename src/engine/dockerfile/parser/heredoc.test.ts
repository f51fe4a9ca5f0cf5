import { describe, expect, it } from 'vitest';
import { DockerfileSyntaxError } from '../errors';
import type { Heredoc } from './ast';
import { chompHeredocContent, heredocsFromLine, parseHeredocMarker } from './heredoc';
import { parseDockerfileAst } from './parser';

const doc = (name: string, content: string, extra: Partial<Heredoc> = {}): Heredoc => ({
  name,
  fileDescriptor: 0,
  expand: true,
  chomp: false,
  content,
  ...extra,
});

describe('heredocs in a Dockerfile (BuildKit TestParseExtractsHeredoc)', () => {
  const dockerfile = [
    '',
    'FROM alpine:3.6',
    '',
    'ENV NAME=me',
    '',
    'RUN ls',
    '',
    'USER <<INVALID',
    'INVALID',
    '',
    'RUN <<EMPTY',
    'EMPTY',
    '',
    'RUN 3<<EMPTY2',
    'EMPTY2',
    '',
    'RUN "<<NOHEREDOC"',
    '',
    'RUN <<INDENT',
    '\tfoo',
    '\tbar',
    'INDENT',
    '',
    'RUN <<-UNINDENT',
    '\tbaz',
    '\tquux',
    'UNINDENT',
    '',
    'RUN <<-UNINDENT2',
    '\tbaz',
    '\tquux',
    '\tUNINDENT2',
    '',
    'RUN <<-EXPAND',
    '\texpand $NAME',
    'EXPAND',
    '',
    "RUN <<-'NOEXPAND'",
    "\tdon't expand $NAME",
    'NOEXPAND',
    '',
    'RUN <<COPY',
    'echo hello world',
    'echo foo bar',
    'COPY',
    '',
    'RUN <<COMMENT',
    '# internal comment',
    'echo hello world',
    'echo foo bar # trailing comment',
    'COMMENT',
    '',
    'RUN --mount=type=cache,target=/foo <<MOUNT',
    'echo hello',
    'MOUNT',
    '',
    'COPY <<FILE1 <<FILE2 /dest',
    'content 1',
    'FILE1',
    'content 2',
    'FILE2',
    '',
    'COPY <<X <<Y /dest',
    'Y',
    'X',
    'X',
    'Y',
    '\t',
  ].join('\n');

  const expected: Heredoc[][] = [
    [], // ENV
    [], // RUN ls
    [], // USER <<INVALID (USER cannot carry heredocs)
    [], // INVALID (an unknown instruction)
    [doc('EMPTY', '')],
    [doc('EMPTY2', '', { fileDescriptor: 3 })],
    [], // RUN "<<NOHEREDOC"
    [doc('INDENT', '\tfoo\n\tbar\n')],
    [doc('UNINDENT', '\tbaz\n\tquux\n', { chomp: true })],
    [doc('UNINDENT2', '\tbaz\n\tquux\n', { chomp: true })],
    [doc('EXPAND', '\texpand $NAME\n', { chomp: true })],
    [doc('NOEXPAND', "\tdon't expand $NAME\n", { chomp: true, expand: false })],
    [doc('COPY', 'echo hello world\necho foo bar\n')],
    [doc('COMMENT', '# internal comment\necho hello world\necho foo bar # trailing comment\n')],
    [doc('MOUNT', 'echo hello\n')],
    [doc('FILE1', 'content 1\n'), doc('FILE2', 'content 2\n')],
    [doc('X', 'Y\n'), doc('Y', 'X\n')],
  ];

  const nodes = parseDockerfileAst(dockerfile).nodes.slice(1);
  it.each(expected.map((heredocs, i) => [nodes[i]!.original, heredocs] as const))('%s', (original, heredocs) => {
    expect(nodes.find((n) => n.original === original)!.heredocs).toEqual(heredocs);
  });

  it('ends the node after its last heredoc', () => {
    expect(nodes.find((n) => n.original === 'RUN <<INDENT')).toMatchObject({ startLine: 19, endLine: 22 });
  });

  it('finds no heredocs in exec form (TestParseJSONHeredoc)', () => {
    const json = parseDockerfileAst('FROM alpine\nRUN ["whoami"]\nRUN ["<<EOF"]\nRUN ["<<\'EOF\'"]\n').nodes;
    expect(json.map((n) => n.heredocs)).toEqual([[], [], [], []]);
  });

  it('reads heredocs of an ONBUILD trigger', () => {
    const [node] = parseDockerfileAst('ONBUILD RUN <<EOF\necho hi\nEOF\n').nodes;
    expect(node!.heredocs).toEqual([doc('EOF', 'echo hi\n')]);
    expect(node!.sub).toMatchObject({ keyword: 'RUN', args: ['<<EOF'] });
  });
});

describe('heredoc markers (BuildKit TestParseHeredocHelpers, TestHeredocsFromLine)', () => {
  it.each(['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"'])('%s names EOF', (word) => {
    expect(parseHeredocMarker(word)?.name).toBe('EOF');
  });

  it.each(["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"'])('%s is a broken marker', (word) => {
    expect(() => parseHeredocMarker(word)).toThrow(DockerfileSyntaxError);
  });

  it.each(['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF'])('%j is not a marker', (word) => {
    expect(parseHeredocMarker(word)).toBeUndefined();
  });

  it('turns expansion off when any part of the word is quoted', () => {
    expect(parseHeredocMarker('<<EOF')?.expand).toBe(true);
    expect(parseHeredocMarker("<<'EOF'")?.expand).toBe(false);
    expect(parseHeredocMarker('<<E"OF"')).toMatchObject({ name: 'EOF', expand: false });
  });

  const lines: [string, string[]][] = [
    ['RUN <<EOF', ['EOF']],
    ['RUN <<-EOF', ['EOF']],
    ["RUN <<'EOF'", ['EOF']],
    ['RUN 4<<EOF', ['EOF']],
    ['RUN <<EOF <<EOF2', ['EOF', 'EOF2']],
    ["RUN '<<EOF'", []],
    ['RUN "<<EOF"', []],
    ['RUN cat <<EOF > /out', ['EOF']],
    ['RUN "unbalanced <<EOF', []],
  ];
  it.each(lines)('%s', (line, names) => {
    expect(heredocsFromLine(line).map((h) => h.name)).toEqual(names);
  });

  it('removes leading tabs line by line for <<- (TestHeredocChomp)', () => {
    expect(chompHeredocContent('\thello\n\tworld\n')).toBe('hello\nworld\n');
    expect(chompHeredocContent('a\r\t\tb\n\t\tc')).toBe('a\r\t\tb\nc');
  });
});
