// Go's text/template as `docker … --format` uses it: values printed as Go's fmt prints them, the
// functions docker adds, control structures, and Go's error texts (with their positions).
import { describe, expect, test } from 'vitest';
import { GoMap, GoNil, GoPointerNil, GoStruct, GoTime } from '../go-values';
import { GoTemplate } from './template';

const config = new GoStruct('*container.Config', [
  ['Cmd', ['/bin/sh']],
  ['Entrypoint', new GoNil('slice')],
  [
    'Labels',
    new GoMap(
      [
        ['b', '2'],
        ['a', '1'],
      ],
      'map[string]string',
    ),
  ],
  ['Env', ['A=1', 'B=2']],
  ['Healthcheck', new GoPointerNil('*container.HealthConfig')],
]);
const image = new GoStruct('image.InspectResponse', [
  ['RepoTags', ['alpine:latest', 'x:1']],
  ['Config', config],
  ['Size', 9905],
  ['Ratio', 0.5],
  ['Big', 1_000_000_000_000],
  ['Flag', true],
  ['Metadata', new GoStruct('image.Metadata', [['LastTagTime', new GoTime('2026-11-28T20:20:32.986Z')]])],
  ['Empty', ''],
]);

const run = (source: string, data: unknown = image) => GoTemplate.parse(source).execute(data);

describe('printing values as Go does', () => {
  test.each([
    ['{{.Config.Cmd}}', '[/bin/sh]'],
    ['{{.Config.Entrypoint}}', '[]'],
    ['{{.Config.Labels}}', 'map[a:1 b:2]'],
    ['{{.Config.Healthcheck}}', '<nil>'],
    ['{{.Size}} {{.Ratio}} {{.Big}} {{.Flag}}', '9905 0.5 1000000000000 true'],
    ['{{.Metadata}}', '{2026-11-28 20:20:32.986 +0000 UTC}'],
    ['{{.Config.Labels.a}}{{.Config.Labels.zz}}', '1'],
    ['{{index .RepoTags 0}}', 'alpine:latest'],
    ['{{index .Config.Labels "b"}}', '2'],
    ['{{len .RepoTags}} {{len .Empty}}', '2 0'],
    ['{{json .RepoTags}}', '["alpine:latest","x:1"]'],
    ['{{json .Config.Labels}}', '{"a":"1","b":"2"}'],
    ['{{join .Config.Env ","}}', 'A=1,B=2'],
    ['{{upper "ab"}} {{lower "AB"}} {{title "hello world"}}', 'AB ab Hello World'],
    ['{{pad "x" 2 1}}|{{pad "" 2 1}}|', '  x ||'],
    ['{{truncate "abcdef" 3}} {{truncate "ab" 3}}', 'abc ab'],
    ['{{split "a,b" ","}}', '[a b]'],
    ['{{printf "%-6s|%5d|%q" "ab" 42 "x"}}', 'ab    |   42|"x"'],
    ['{{println "a" 1}}', 'a 1\n'],
    ['{{print "a" "b" 1 2}}', 'ab1 2'],
  ])('%s', (source, want) => {
    expect(run(source)).toBe(want);
  });
});

describe('control structures', () => {
  test.each([
    ['{{range .RepoTags}}[{{.}}]{{end}}', '[alpine:latest][x:1]'],
    ['{{range $i, $t := .RepoTags}}{{$i}}={{$t}} {{end}}', '0=alpine:latest 1=x:1 '],
    ['{{range $k, $v := .Config.Labels}}{{$k}}{{$v}}{{end}}', 'a1b2'],
    ['{{range .Config.Entrypoint}}x{{else}}none{{end}}', 'none'],
    ['{{if .Config.Entrypoint}}yes{{else if .Flag}}flag{{else}}no{{end}}', 'flag'],
    ['{{with .Config}}{{.Cmd}}{{end}}', '[/bin/sh]'],
    ['{{$x := .Size}}{{$x}}', '9905'],
    ['{{if and .Flag .Empty}}a{{else}}b{{end}} {{or .Empty "dflt"}}', 'b dflt'],
    ['{{if eq .Size 9905}}eq{{end}} {{if ne .Config.Healthcheck nil}}x{{else}}nil{{end}}', 'eq nil'],
    ['{{if gt .Size 10}}gt{{end}}{{if lt 1 2}}lt{{end}}', 'gtlt'],
    ['{{- range .RepoTags }}\n  {{ . }}\n{{- end }}', '\n  alpine:latest\n  x:1'],
    ['a {{/* comment */}} b', 'a  b'],
    ['{{range .RepoTags}}{{if eq . "x:1"}}{{break}}{{end}}{{.}}{{end}}', 'alpine:latest'],
  ])('%s', (source, want) => {
    expect(run(source)).toBe(want);
  });
});

describe("Go's errors", () => {
  test.each([
    ['{{nope}}', 'template: :1: function "nope" not defined'],
    ['{{.ID', 'template: :1: unclosed action'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{if .Flag}}', 'template: :1: unexpected EOF'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{.Nope}}', 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type image.InspectResponse'],
    [
      '{{.Config.Nope}}',
      'template: :1:9: executing "" at <.Config.Nope>: can\'t evaluate field Nope in type *container.Config',
    ],
    [
      'x\n{{.Config.Healthcheck.Test}}',
      'template: :2:9: executing "" at <.Config.Healthcheck.Test>: nil pointer evaluating *container.HealthConfig.Test',
    ],
    [
      '{{index .RepoTags 5}}',
      'template: :1:2: executing "" at <index .RepoTags 5>: error calling index: index out of range: 5',
    ],
  ])('%s', (source, message) => {
    expect(() => run(source)).toThrow(message);
  });

  test('a missing map key is an error only when asked (inspect retries on raw JSON that way)', () => {
    const raw = new GoMap([['a', '1']]);
    expect(GoTemplate.parse('{{.b}}').execute(raw)).toBe('<no value>');
    expect(() => GoTemplate.parse('{{.b}}').execute(raw, { missingKeyError: true })).toThrow(
      'template: :1:2: executing "" at <.b>: map has no entry for key "b"',
    );
  });

  test('table headers keep column names through json/upper (header functions)', () => {
    const header = new GoMap([['Repository', 'REPOSITORY']], 'map[string]string');
    expect(GoTemplate.parse('{{json .Repository}} {{upper .Repository}}').execute(header, { header: true })).toBe(
      'REPOSITORY REPOSITORY',
    );
  });
});
