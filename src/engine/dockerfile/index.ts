// The Dockerfile front end: parser, typed instructions, word expansion, build args, .dockerignore.
// The builder (POST /build) imports from here; each module's header explains the Docker concept.
export * from './errors';
export { dumpNode, nodeArgs, type Heredoc, type InstructionNode } from './parser/ast';
export { DIRECTIVE_NAMES, type Directive, type DirectiveName } from './parser/directives';
export { chompHeredocContent } from './parser/heredoc';
export { formatWarnings, parseDockerfileAst, type DockerfileAst, type ParseWarning } from './parser/parser';
export * from './instructions';
export {
  ShellExpansionError,
  ShellLex,
  emptyEnv,
  envFromList,
  envFromRecord,
  type EnvGetter,
  type LexOptions,
  type WordExpansion,
} from './shell-lex';
export { BUILTIN_BUILD_ARGS, BuildArgs, processMetaArg, type ArgValue } from './build-args';
export { IgnorePatternError, PatternMatcher, matches, matchesOrParentMatches, type Pattern } from './pattern-matcher';
export {
  buildFilesRemovedByDaemon,
  filterBuildContext,
  readDockerignore,
  trimBuildFilesFromExcludes,
  type ContextEntry,
} from './dockerignore';
export {
  ContextPathError,
  copyFailed,
  copySourcePath,
  fileNotFoundInContext,
  followSymlinkInScope,
  resolveContextPath,
  type ReadLink,
} from './context-path';
export {
  DEFAULT_DOCKERFILE_NAME,
  locateDockerfile,
  parseDockerfile,
  readClassicDockerfile,
  type Dockerfile,
} from './dockerfile';
export { suggest, levenshtein } from './suggest';
