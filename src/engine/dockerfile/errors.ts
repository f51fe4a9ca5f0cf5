// What Docker says when a Dockerfile is wrong — errors as data, in Docker's own words.
//
// Reading a Dockerfile fails at one of three levels, and Docker words each differently:
//
//   1. the line parser (BuildKit `frontend/dockerfile/parser`) — a bad parser directive, an
//      unterminated heredoc, `ENV` without a value, a JSON array of numbers. The classic builder
//      wraps these as `failed to parse Dockerfile: <why>`.
//   2. the instruction parser (`frontend/dockerfile/instructions`) — an unknown instruction, a
//      wrong argument count, an unknown flag. These read
//      `dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)`.
//   3. stage assembly — `no build stage in current context` (an instruction before the first
//      FROM), `target stage "x" could not be found`. No line prefix.
//
// Every error carries the line range it refers to, so a UI can point at the Dockerfile.

/** Which level of the Dockerfile pipeline refused the input. */
export type DockerfileErrorKind =
  'syntax' | 'instruction' | 'parse' | 'stage' | 'missing' | 'empty' | 'expansion' | 'context';

/** Lines of the Dockerfile an error refers to (1-based, inclusive). */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** The parent of every error this folder throws. */
export abstract class DockerfileError extends Error {
  abstract readonly kind: DockerfileErrorKind;
  /** Where in the Dockerfile, when known. */
  location?: LineRange;
}

/** Level 1: the line parser refused the text (message is the bare reason). */
export class DockerfileSyntaxError extends DockerfileError {
  override name = 'DockerfileSyntaxError';
  readonly kind = 'syntax';
  constructor(message: string, location?: LineRange) {
    super(message);
    this.location = location;
  }
}

/** Level 2, bare: one instruction is malformed (`FROM requires either one or three arguments`). */
export class InstructionError extends DockerfileError {
  override name = 'InstructionError';
  readonly kind = 'instruction';
}

/** Level 2, as Docker reports it: `dockerfile parse error on line N: <instruction error>`. */
export class DockerfileParseError extends DockerfileError {
  override name = 'DockerfileParseError';
  readonly kind = 'parse';
  constructor(
    readonly line: number,
    readonly instructionError: InstructionError,
    location: LineRange,
  ) {
    super(`dockerfile parse error on line ${line}: ${instructionError.message}`);
    this.location = location;
  }
}

/** Level 3: the instructions parse but do not make a build (no stage yet, unknown target, bad --from). */
export class StageError extends DockerfileError {
  override name = 'StageError';
  readonly kind = 'stage';
  constructor(message: string, location?: LineRange) {
    super(message);
    this.location = location;
  }
}

/** No Dockerfile at the given path in the context: `Cannot locate specified Dockerfile: Dockerfile`. */
export class DockerfileNotFoundError extends DockerfileError {
  override name = 'DockerfileNotFoundError';
  readonly kind = 'missing';
  constructor(readonly dockerfileName: string) {
    super(`Cannot locate specified Dockerfile: ${dockerfileName}`);
  }
}

/** The classic builder's refusal of a zero-byte Dockerfile: `the Dockerfile (Dockerfile) cannot be empty`. */
export class EmptyDockerfileError extends DockerfileError {
  override name = 'EmptyDockerfileError';
  readonly kind = 'empty';
  constructor(readonly dockerfileName: string) {
    super(`the Dockerfile (${dockerfileName}) cannot be empty`);
  }
}
