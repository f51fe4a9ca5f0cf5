// Frontmatter: a markdown file that opens with a `---` line carries YAML up to the next `---`
// line; the rest is the body. Parsing is the `yaml` package's; this module only finds the fence
// and turns YAML's complaints into one line that names the file.
import { parse as parseYaml, YAMLParseError } from 'yaml';

export class LessonFormatError extends Error {
  override name = 'LessonFormatError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

export interface SplitMarkdown {
  data: unknown;
  body: string;
}

const FENCE = /^---[ \t]*$/;

/** Split `text` (of `path`, for messages) into its YAML frontmatter and body. Throws LessonFormatError. */
export function splitFrontmatter(path: string, text: string): SplitMarkdown {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? ''))
    throw new LessonFormatError([`${path}: must open with a --- line and YAML frontmatter`]);
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) throw new LessonFormatError([`${path}: the frontmatter has no closing --- line`]);
  const yaml = lines.slice(1, end).join('\n');
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line + 1})` : '';
    throw new LessonFormatError([
      `${path}: frontmatter is not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`,
    ]);
  }
  return { data, body: lines.slice(end + 1).join('\n') };
}
