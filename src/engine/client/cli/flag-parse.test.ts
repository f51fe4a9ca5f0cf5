// The flag library's reading of command lines (spf13/pflag), one row per form: long and short
// flags, values attached or apart, bools with and without `=`, combined shorthands, repeated
// flags, `--`, and stopping at the first argument.
import { describe, expect, test } from 'vitest';
import { bool, filter, int, list, string, type FlagSpec } from './flag';
import { FlagError, parseCommandLine } from './flag-parse';

const specs: FlagSpec[] = [
  bool('interactive', 'i', ''),
  bool('tty', 't', ''),
  bool('rm', '', ''),
  bool('detach', 'd', ''),
  string('name', '', ''),
  list('env', 'e', ''),
  list('publish', 'p', ''),
  int('last', 'n', '', { default: '-1' }),
  filter('filter', 'f', ''),
];

const parse = (argv: string[], interspersed = true) =>
  parseCommandLine(specs, argv, { interspersed, context: { env: {} } });

describe('flag forms', () => {
  test.each([
    {
      argv: ['-it'],
      check: (f: ReturnType<typeof parse>) => [f.flags.bool('interactive'), f.flags.bool('tty')],
      want: [true, true],
    },
    { argv: ['--name', 'web'], check: (f: ReturnType<typeof parse>) => f.flags.string('name'), want: 'web' },
    { argv: ['--name=web'], check: (f: ReturnType<typeof parse>) => f.flags.string('name'), want: 'web' },
    {
      argv: ['--name='],
      check: (f: ReturnType<typeof parse>) => [f.flags.string('name'), f.flags.changed('name')],
      want: ['', true],
    },
    {
      argv: ['-e', 'A=1', '-eB=2', '-e=C=3', '--env', 'D=4', '--env=E'],
      check: (f: ReturnType<typeof parse>) => f.flags.list('env'),
      want: ['A=1', 'B=2', 'C=3', 'D=4', 'E'],
    },
    {
      argv: ['-p', '80:80', '-p', '443:443'],
      check: (f: ReturnType<typeof parse>) => f.flags.list('publish'),
      want: ['80:80', '443:443'],
    },
    { argv: ['--rm'], check: (f: ReturnType<typeof parse>) => f.flags.bool('rm'), want: true },
    { argv: ['--rm=false'], check: (f: ReturnType<typeof parse>) => f.flags.bool('rm'), want: false },
    { argv: ['--rm=T'], check: (f: ReturnType<typeof parse>) => f.flags.bool('rm'), want: true },
    {
      argv: ['--rm', 'false'],
      check: (f: ReturnType<typeof parse>) => [f.flags.bool('rm'), f.args],
      want: [true, ['false']],
    },
    {
      argv: ['-ite', 'A=1'],
      check: (f: ReturnType<typeof parse>) => [f.flags.bool('tty'), f.flags.list('env')],
      want: [true, ['A=1']],
    },
    { argv: ['-itd'], check: (f: ReturnType<typeof parse>) => f.flags.bool('detach'), want: true },
    { argv: ['-n', '0x10'], check: (f: ReturnType<typeof parse>) => f.flags.number('last'), want: 16 },
    { argv: ['-n', '010'], check: (f: ReturnType<typeof parse>) => f.flags.number('last'), want: 8 },
    { argv: ['-n', '1_000'], check: (f: ReturnType<typeof parse>) => f.flags.number('last'), want: 1000 },
    { argv: [], check: (f: ReturnType<typeof parse>) => f.flags.number('last'), want: -1 },
    {
      argv: ['-f', ' Dangling = true '],
      check: (f: ReturnType<typeof parse>) => f.flags.list('filter'),
      want: ['dangling=true'],
    },
    {
      argv: ['a', '--rm', 'b'],
      check: (f: ReturnType<typeof parse>) => [f.flags.bool('rm'), f.args],
      want: [true, ['a', 'b']],
    },
    {
      argv: ['--', '--rm', '-x'],
      check: (f: ReturnType<typeof parse>) => [f.flags.bool('rm'), f.args],
      want: [false, ['--rm', '-x']],
    },
    { argv: ['-', '--rm'], check: (f: ReturnType<typeof parse>) => [f.flags.bool('rm'), f.args], want: [true, ['-']] },
  ])('$argv', ({ argv, check, want }) => {
    expect(check(parse(argv))).toEqual(want);
  });

  test('not interspersed: flags end at the first argument (docker run alpine ls -l)', () => {
    const parsed = parse(['--rm', 'alpine', 'ls', '-l', '--name', 'x'], false);
    expect(parsed.flags.bool('rm')).toBe(true);
    expect(parsed.flags.changed('name')).toBe(false);
    expect(parsed.args).toEqual(['alpine', 'ls', '-l', '--name', 'x']);
  });
});

describe("pflag's refusals", () => {
  test.each([
    { argv: ['--bad'], message: 'unknown flag: --bad' },
    { argv: ['--bad=1'], message: 'unknown flag: --bad' },
    { argv: ['-z'], message: "unknown shorthand flag: 'z' in -z" },
    { argv: ['-iz'], message: "unknown shorthand flag: 'z' in -z" },
    { argv: ['-é'], message: "unknown shorthand flag: 'Ã' in -é" },
    { argv: ['-e'], message: "flag needs an argument: 'e' in -e" },
    { argv: ['--name'], message: 'flag needs an argument: --name' },
    { argv: ['---x'], message: 'bad flag syntax: ---x' },
    { argv: ['--=x'], message: 'bad flag syntax: --=x' },
    {
      argv: ['--rm=maybe'],
      message: 'invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    },
    {
      argv: ['-d=maybe'],
      message: 'invalid argument "maybe" for "-d, --detach" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    },
    {
      argv: ['-n', '1.5'],
      message: 'invalid argument "1.5" for "-n, --last" flag: strconv.ParseInt: parsing "1.5": invalid syntax',
    },
    {
      argv: ['-n', '99999999999999999999'],
      message:
        'invalid argument "99999999999999999999" for "-n, --last" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    },
    {
      argv: ['-n', '1__0'],
      message: 'invalid argument "1__0" for "-n, --last" flag: strconv.ParseInt: parsing "1__0": invalid syntax',
    },
    {
      argv: ['-f', 'nope'],
      message: 'invalid argument "nope" for "-f, --filter" flag: bad format of filter (expected name=value)',
    },
  ])('$argv', ({ argv, message }) => {
    expect(() => parse(argv)).toThrow(new FlagError(message));
  });
});
