// Typed Dockerfile instructions: the instruction parser, stages, and variable expansion, in one place
// for the builder to import. See instructions/*.ts for each piece.
export type {
  AddCommand,
  ArgCommand,
  Command,
  CommandBase,
  CommandKind,
  CopyCommand,
  EntrypointCommand,
  HealthConfig,
  KeyValuePair,
  KeyValuePairOptional,
  RunCommand,
  ShellDependantCmdLine,
  ShellInlineFile,
  SourceContent,
  SourcesAndDest,
  Stage,
} from './instructions/commands';
export { BuilderFlags } from './instructions/flags';
export { INSTRUCTION_NAMES, isStage, parseInstruction } from './instructions/parse-instruction';
export {
  BuiltStages,
  parseStages,
  stageIndex,
  stagesUpToTarget,
  type ParsedStages,
  type StageReference,
} from './instructions/stages';
export {
  expandBaseName,
  expandCommand,
  expandExposePorts,
  expandPlatform,
  expanderFor,
  supportsExpansion,
  type WordExpander,
} from './instructions/expand';
