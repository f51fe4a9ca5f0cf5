// Whatever a student types after `-p`, `--mount`, `-v` or `--network`, reading it either works or
// fails with docker's usage error — never with an exception of our own.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FlagValueError } from '../../cli/go-strconv';
import { parseMountSpec } from './mount-spec';
import { parseNetworkAttachment } from './network-options';
import { parsePorts, PortSpecError } from './ports';
import { parseVolumeSpec } from './volumes';

/** Strings made mostly of the characters these syntaxes care about. */
const specText = fc.oneof(
  fc.string(),
  fc
    .array(
      fc.constantFrom(
        ...'0123456789:/-.,="[]abcdefipstuvxy '.split(''),
        'tcp',
        'udp',
        'type=',
        'dst=',
        'src=',
        'bind',
        'volume',
        'tmpfs',
        'ro',
        '::',
        'name=',
        'alias=',
      ),
      { maxLength: 24 },
    )
    .map((parts) => parts.join('')),
);

function onlyThrows(run: () => unknown, ...allowed: (new (...args: never[]) => Error)[]): void {
  try {
    run();
  } catch (err) {
    expect(
      allowed.some((type) => err instanceof type),
      String(err),
    ).toBe(true);
  }
}

describe('run/create flag values never throw anything but a usage error', () => {
  test('-p', () => {
    fc.assert(
      fc.property(specText, (text) => onlyThrows(() => parsePorts([text], []), PortSpecError)),
      { numRuns: 2000 },
    );
  });
  test('--expose', () => {
    fc.assert(
      fc.property(specText, (text) => onlyThrows(() => parsePorts([], [text]), PortSpecError)),
      { numRuns: 1000 },
    );
  });
  test('--mount', () => {
    fc.assert(
      fc.property(specText, (text) => onlyThrows(() => parseMountSpec(text, '/work'), FlagValueError)),
      {
        numRuns: 2000,
      },
    );
  });
  test('--network', () => {
    fc.assert(
      fc.property(specText, (text) => onlyThrows(() => parseNetworkAttachment(text), FlagValueError)),
      {
        numRuns: 1000,
      },
    );
  });
  test('-v', () => {
    fc.assert(
      fc.property(specText, (text) =>
        onlyThrows(() => {
          try {
            parseVolumeSpec(text);
          } catch (err) {
            if ((err as Error).constructor === Error && /^invalid (empty volume )?spec/.test((err as Error).message))
              return;
            throw err;
          }
        }),
      ),
      { numRuns: 1000 },
    );
  });
});
