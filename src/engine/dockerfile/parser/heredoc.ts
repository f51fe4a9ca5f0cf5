// Heredocs in a Dockerfile (BuildKit `parser/parser.go`, Dockerfile syntax 1.4+):
//
//   RUN <<EOF                      COPY <<-EOT /etc/motd         RUN <<A cat - && <<B cat -
//   apt-get update                 	Welcome!                    first
//   apt-get install -y curl        	EOT                         A
//   EOF                                                           second
//                                                                 B
//
// RUN, COPY and ADD (also as an ONBUILD trigger) may name heredocs with `<<WORD` words; the lines
// after the instruction are the bodies, each ended by a line that is exactly WORD. `<<-WORD` lets
// the closing line (and, when used, the body) be indented with tabs; `3<<WORD` names a file
// descriptor. Quoting any part of the word (`<<'EOF'`, `<<"EOF"`, `<<E"OF"`) turns variable
// expansion off for the body. Markers are looked for in shell-lexed words with quotes and escapes
// kept, so `echo "<<EOF"` is not a heredoc.
import { DockerfileSyntaxError } from '../errors';
import { ShellLex, emptyEnv } from '../shell-lex';
import type { Heredoc } from './ast';

const marker = /^(\d*)<<(-?)([^<]*)$/s;

/** The heredoc a word like `<<EOF`, `<<-"EOT"` or `3<<X` declares, without its body; undefined if none. */
export function parseHeredocMarker(word: string): Omit<Heredoc, 'content'> | undefined {
  const match = marker.exec(word);
  if (!match) return undefined;
  const [, fd, dash, rest] = match;
  if (!rest) return undefined;
  const plain = new ShellLex('\\', { skipUnsetEnv: true });
  const raw = new ShellLex('\\', { skipUnsetEnv: true, rawQuotes: true });
  const words = lexHeredocWord(plain, rest);
  if (words.length !== 1) return undefined;
  const rawWords = lexHeredocWord(raw, rest);
  if (rawWords.length !== words.length) {
    throw new DockerfileSyntaxError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const name = words[0]!;
  return {
    name,
    fileDescriptor: fd ? Number.parseInt(fd, 10) : 0,
    expand: quoteCount(name) === quoteCount(rawWords[0]!),
    chomp: dash === '-',
  };
}

function lexHeredocWord(lex: ShellLex, text: string): string[] {
  try {
    return lex.processWords(text, emptyEnv);
  } catch (error) {
    throw new DockerfileSyntaxError((error as Error).message);
  }
}

const quoteCount = (text: string): number => [...text].filter((c) => c === "'" || c === '"').length;

/** The heredoc markers on an instruction line, in order (a line that does not lex has none). */
export function heredocsFromLine(line: string): Omit<Heredoc, 'content'>[] {
  const lex = new ShellLex('\\', { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  let words: string[];
  try {
    words = lex.processWords(line, emptyEnv);
  } catch {
    words = [];
  }
  return words.flatMap((word) => parseHeredocMarker(word) ?? []);
}

/** `<<-` bodies lose their leading tabs, line by line. */
export function chompHeredocContent(content: string): string {
  // Go's (?m)^ starts a line only after \n; a JS /m would also split at \r, U+2028 and U+2029.
  return content.replace(/(^|\n)\t+/g, '$1');
}
