import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve-options';

describe('npm run serve options', () => {
  it('reads the engine and repeated registries', () => {
    expect(
      parseServeArgs([
        '--engine',
        '127.0.0.1:2375',
        '--registry',
        'docker.io=127.0.0.1:5001',
        '--registry=cr.example.net=localhost:5003',
      ]),
    ).toEqual({
      engine: { host: '127.0.0.1', port: 2375 },
      registries: [
        { name: 'docker.io', at: { host: '127.0.0.1', port: 5001 } },
        { name: 'cr.example.net', at: { host: 'localhost', port: 5003 } },
      ],
      trace: true,
      mermaid: false,
    });
  });

  it('takes --quiet and --mermaid, still serving the default engine', () => {
    expect(parseServeArgs(['--quiet', '--mermaid'])).toEqual({
      engine: { host: '127.0.0.1', port: 2375 },
      registries: [],
      trace: false,
      mermaid: true,
    });
  });

  it('serves the engine on 127.0.0.1:2375 when given no flags at all', () => {
    expect(parseServeArgs([])).toMatchObject({ engine: { host: '127.0.0.1', port: 2375 }, registries: [] });
    expect(parseServeArgs(['--registry', 'docker.io=127.0.0.1:5001']).engine).toBeUndefined();
  });

  it.each([
    [['--engine', '0.0.0.0:2375'], /loopback/],
    [['--engine', '10.0.0.1:2375'], /loopback/],
    [['--engine'], /needs an argument/],
    [['--engine', '127.0.0.1'], /HOST:PORT/],
    [['--registry', '127.0.0.1:5000'], /NAME=HOST:PORT/],
    [['--verbose'], /unknown flag/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});
