import { describe, expect, it } from 'vitest';
import { DockerfileParseError, StageError } from '../errors';
import { parseDockerfile } from '../dockerfile';

/** The message `docker build` shows for a Dockerfile (the classic builder sends these verbatim). */
function errorOf(text: string): Error {
  try {
    parseDockerfile(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the Dockerfile to be refused');
}

// Each row: a Dockerfile and the exact message Docker gives (BuildKit instructions/parse.go,
// bflag.go, commands.go; facts from its parse_test.go and the Docker issues that quote them).
const rows: [string, string][] = [
  ['FROM alpine\nRUNN echo', 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)'],
  ['FROM alpine\nrunn echo', 'dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)'],
  ['FROM alpine\nCOPPY a b', 'dockerfile parse error on line 2: unknown instruction: COPPY (did you mean COPY?)'],
  ['FROM alpine\nfoo bar', 'dockerfile parse error on line 2: unknown instruction: foo (did you mean from?)'],
  ['FROM alpine\n&& make', 'dockerfile parse error on line 2: unknown instruction: &&'],
  ['FROM', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
  ['FROM a b', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
  ['FROM a AS b c', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
  [
    'FROM a AS 1st',
    'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
  ],
  [
    'FROM a AS my$stage',
    'dockerfile parse error on line 1: invalid name for build stage: "my$stage", name can\'t start with a number or contain symbols',
  ],
  [
    'FROM --platfrom=linux/amd64 a',
    'dockerfile parse error on line 1: unknown flag: --platfrom (did you mean platform?)',
  ],
  ['FROM a\nMAINTAINER', 'dockerfile parse error on line 2: MAINTAINER requires exactly one argument'],
  ['FROM a\nWORKDIR', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument'],
  ['FROM a\nUSER', 'dockerfile parse error on line 2: USER requires exactly one argument'],
  ['FROM a\nSTOPSIGNAL', 'dockerfile parse error on line 2: STOPSIGNAL requires exactly one argument'],
  ['FROM a\nENV', 'dockerfile parse error on line 2: ENV requires at least one argument'],
  ['FROM a\nLABEL', 'dockerfile parse error on line 2: LABEL requires at least one argument'],
  ['FROM a\nONBUILD', 'dockerfile parse error on line 2: ONBUILD requires at least one argument'],
  ['FROM a\nHEALTHCHECK', 'dockerfile parse error on line 2: HEALTHCHECK requires at least one argument'],
  ['FROM a\nEXPOSE', 'dockerfile parse error on line 2: EXPOSE requires at least one argument'],
  ['FROM a\nVOLUME', 'dockerfile parse error on line 2: VOLUME requires at least one argument'],
  ['FROM a\nARG', 'dockerfile parse error on line 2: ARG requires at least one argument'],
  ['FROM a\nENV =x', 'dockerfile parse error on line 2: ENV names can not be blank'],
  ['FROM a\nLABEL ="x"', 'dockerfile parse error on line 2: LABEL names can not be blank'],
  ['FROM a\nARG =x', 'dockerfile parse error on line 2: ARG names can not be blank'],
  [
    'FROM a\nADD arg1',
    'dockerfile parse error on line 2: ADD requires at least two arguments, but only one was provided. Destination could not be determined',
  ],
  [
    'FROM a\nCOPY\t\n\t\tquux \\\n      bar',
    'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
  ],
  [
    'FROM a\nCOPY ["only"]',
    'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
  ],
  ['FROM a\nCOPY /foo <<EOF\nEOF', 'dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination'],
  ['FROM a\nONBUILD FROM scratch', "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger"],
  [
    'FROM a\nONBUILD MAINTAINER docker.io',
    "dockerfile parse error on line 2: MAINTAINER isn't allowed as an ONBUILD trigger",
  ],
  [
    'FROM a\nONBUILD ONBUILD RUN touch foobar',
    "dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
  ],
  ['FROM a\nMAINTAINER --boo joe@example.com', 'dockerfile parse error on line 2: unknown flag: --boo'],
  ['FROM a\nCOPY --form=build a b', 'dockerfile parse error on line 2: unknown flag: --form (did you mean from?)'],
  ['FROM a\nCOPY --chmod 0755 a b', 'dockerfile parse error on line 2: missing a value on flag: --chmod'],
  ['FROM a\nCOPY --exclude=*.md . .', 'dockerfile parse error on line 2: unknown flag: --exclude'],
  [
    'FROM a\nCOPY --link=yes a b',
    'dockerfile parse error on line 2: expecting boolean value for flag --link, not: yes',
  ],
  ['FROM a\nCOPY --link= a b', 'dockerfile parse error on line 2: missing a value on flag: --link'],
  ['FROM a\nCOPY --from=a --from=b x y', 'dockerfile parse error on line 2: duplicate flag specified: --from'],
  ['FROM a\nENV --x=1 a=b', 'dockerfile parse error on line 2: unknown flag: --x'],
  ['FROM a\nRUN --network=bridge make', 'dockerfile parse error on line 2: invalid network mode "bridge"'],
  ['FROM a\nRUN --security=insecure make', 'dockerfile parse error on line 2: unknown flag: --security'],
  ['FROM a\nSHELL /bin/bash -c', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form'],
  ['FROM a\nSHELL []', 'dockerfile parse error on line 2: SHELL requires at least one argument'],
  ['FROM a\nVOLUME ["/a", " "]', 'dockerfile parse error on line 2: VOLUME specified can not be an empty string'],
  ['FROM a\nHEALTHCHECK NONE x', 'dockerfile parse error on line 2: HEALTHCHECK NONE takes no arguments'],
  ['FROM a\nHEALTHCHECK CMD', 'dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD'],
  [
    'FROM a\nHEALTHCHECK CONNECT TCP 7000',
    'dockerfile parse error on line 2: Unknown type "CONNECT" in HEALTHCHECK (try CMD)',
  ],
  [
    'FROM a\nHEALTHCHECK --interval=50ns CMD x',
    'dockerfile parse error on line 2: Interval "interval" cannot be less than 1ms',
  ],
  ['FROM a\nHEALTHCHECK --timeout=5 CMD x', 'dockerfile parse error on line 2: time: missing unit in duration "5"'],
  [
    'FROM a\nHEALTHCHECK --timeout=5d CMD x',
    'dockerfile parse error on line 2: time: unknown unit "d" in duration "5d"',
  ],
  ['FROM a\nHEALTHCHECK --retries=-1 CMD x', 'dockerfile parse error on line 2: --retries cannot be negative (-1)'],
  [
    'FROM a\nHEALTHCHECK --retries=x CMD x',
    'dockerfile parse error on line 2: strconv.ParseInt: parsing "x": invalid syntax',
  ],
  [
    'FROM a\nHEALTHCHECK --retires=3 CMD x',
    'dockerfile parse error on line 2: unknown flag: --retires (did you mean retries?)',
  ],
  [
    'FROM a\n\n# note\nRUN \\\n  --mount=type=cache,target=/x \\\n  --nope make',
    'dockerfile parse error on line 4: unknown flag: --nope',
  ],
  ['RUN echo', 'no build stage in current context'],
  ['ARG V=1\nENV A=b\nFROM a', 'no build stage in current context'],
];

describe('parse errors, with Docker’s exact text', () => {
  it.each(rows)('%j', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  it('says which line, and keeps the bare instruction error', () => {
    const error = errorOf('FROM a\n# c\nRUN \\\n x\nRUNN y');
    expect(error).toBeInstanceOf(DockerfileParseError);
    const parseError = error as DockerfileParseError;
    expect(parseError.line).toBe(5);
    expect(parseError.location).toEqual({ start: 5, end: 5 });
    expect(parseError.instructionError.message).toBe('unknown instruction: RUNN (did you mean RUN?)');
  });

  it('reports an instruction before FROM without a line prefix, as Docker does', () => {
    const error = errorOf('\n\nCOPY a b\nFROM x');
    expect(error).toBeInstanceOf(StageError);
    expect(error.message).toBe('no build stage in current context');
    expect((error as StageError).location).toEqual({ start: 3, end: 3 });
  });
});
