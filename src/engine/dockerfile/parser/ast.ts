// The Dockerfile's syntax tree: one node per instruction, before any meaning is given to it.
//
// BuildKit's parser (`frontend/dockerfile/parser`) turns the text into a flat list of instruction
// nodes. Each node keeps the keyword as written (`run`, `RUN`), its `--flags`, its arguments (already
// split the way that instruction splits them), whether it was written in JSON "exec form", any
// heredoc bodies, and the lines it came from. Nothing is validated here beyond syntax: an unknown
// keyword still becomes a node, and the instruction parser (../instructions) rejects it later.
//
//   COPY --from=build /app/bin /usr/local/bin     →  (copy ["--from=build"] "/app/bin" "/usr/local/bin")
//   ENV PATH=/opt/bin:$PATH                        →  (env "PATH" "/opt/bin:$PATH" "=")
//   ONBUILD RUN make                               →  (onbuild (run "make"))
//
// ENV and LABEL arguments come in threes — key, value, and the separator: `=` for `KEY=value`, `""`
// for the legacy `KEY value` form — which is what BuildKit's nodes hold too.
import { goQuote, goQuoteList } from '../go-text';

/** A heredoc body attached to RUN, COPY or ADD (`<<EOF` … `EOF`). */
export interface Heredoc {
  /** The delimiter word, quotes removed (`EOF`). */
  readonly name: string;
  /** `3<<EOF` feeds file descriptor 3; 0 when no number was given. */
  readonly fileDescriptor: number;
  /** Whether variables in the body are expanded: false when the delimiter was quoted (`<<'EOF'`). */
  readonly expand: boolean;
  /** `<<-EOF`: leading tabs are removed from the body and the closing delimiter. */
  readonly chomp: boolean;
  /** The body exactly as written, each line with its newline. */
  readonly content: string;
}

/** One instruction as the line parser sees it. */
export interface InstructionNode {
  /** The instruction keyword exactly as written (`RUN`, `run`, `Runn`). */
  readonly keyword: string;
  /** Builder flags before the arguments, quotes removed: `["--from=build", "--chown=1:1"]`. */
  readonly flags: readonly string[];
  /** The arguments, split the way this instruction splits them (see the module header). */
  readonly args: readonly string[];
  /** The arguments were a JSON array of strings (exec form). */
  readonly json: boolean;
  /** ONBUILD's trigger instruction. */
  readonly sub?: InstructionNode;
  /** Heredoc bodies, in the order their markers appear. */
  readonly heredocs: readonly Heredoc[];
  /** The logical line: continuation lines joined, comments removed, heredoc bodies not included. */
  readonly original: string;
  /** First and last physical line (1-based), heredoc bodies included. */
  readonly startLine: number;
  readonly endLine: number;
  /** Comment lines directly above the instruction, `#` removed. */
  readonly comments: readonly string[];
}

/** The arguments as BuildKit's instruction parser receives them: ONBUILD's trigger is flattened in. */
export function nodeArgs(node: InstructionNode): string[] {
  if (node.sub) return [node.sub.keyword, ...nodeArgs(node.sub)];
  return [...node.args];
}

/** BuildKit's `Node.Dump`: `(keyword ["--flag"] "arg" "arg")`, the form its parser tests are written in. */
export function dumpNode(node: InstructionNode): string {
  let out = node.keyword.toLowerCase();
  if (node.flags.length > 0) out += ' ' + goQuoteList(node.flags);
  if (node.sub) out += ' (' + dumpNode(node.sub) + ')';
  for (const arg of node.args) out += ' ' + goQuote(arg);
  return out;
}
