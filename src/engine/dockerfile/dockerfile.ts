// Reading a Dockerfile the way `docker build` does: the whole front end in one call.
//
//   text ──parser──▶ instruction nodes ──instructions──▶ stages + global ARGs
//
// `parseDockerfile` is the shared path (BuildKit and the classic builder parse alike).
// `readClassicDockerfile` adds what the classic builder (`POST /build`, version=1) does around it,
// with its wording: it finds the file in the context (`Dockerfile`, or `dockerfile` as a fallback),
// refuses an empty one, and prefixes line-parser errors with `failed to parse <name>: `. The builder
// returns all of these as 400 Bad Request, and the CLI prints `Error response from daemon: <message>`.
import { DockerfileNotFoundError, DockerfileSyntaxError, EmptyDockerfileError } from './errors';
import { parseStages, type ParsedStages } from './instructions/stages';
import { parseDockerfileAst, type DockerfileAst } from './parser/parser';

/** A Dockerfile read and understood: its nodes, warnings and directives, and its stages. */
export interface Dockerfile extends DockerfileAst, ParsedStages {}

/** Parse Dockerfile text; throws DockerfileSyntaxError, DockerfileParseError or StageError. */
export function parseDockerfile(text: string): Dockerfile {
  const ast = parseDockerfileAst(text);
  return { ...ast, ...parseStages(ast.nodes) };
}

/** The Dockerfile's default name in a build context. */
export const DEFAULT_DOCKERFILE_NAME = 'Dockerfile';

/**
 * Which file the classic builder reads: the name asked for, or `dockerfile` when the default
 * `Dockerfile` is missing; otherwise `Cannot locate specified Dockerfile: <name>`.
 */
export function locateDockerfile(name: string, exists: (path: string) => boolean): string {
  if (exists(name)) return name;
  if (name === DEFAULT_DOCKERFILE_NAME && exists(name.toLowerCase())) return name.toLowerCase();
  throw new DockerfileNotFoundError(name);
}

/** Parse as the classic builder does, with its wording for an empty file and for line-parser errors. */
export function readClassicDockerfile(name: string, text: string): Dockerfile {
  if (text === '') throw new EmptyDockerfileError(name);
  let ast: DockerfileAst;
  try {
    ast = parseDockerfileAst(text);
  } catch (error) {
    if (!(error instanceof DockerfileSyntaxError)) throw error;
    throw new DockerfileSyntaxError(`failed to parse ${name}: ${error.message}`, error.location);
  }
  return { ...ast, ...parseStages(ast.nodes) };
}
