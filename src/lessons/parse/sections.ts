// The body of a lesson: an introduction, then one section per step, each opened by a level-2
// heading that carries the step's id — `## Run hello-world {#run-hello}`. Headings inside fenced
// code blocks do not count. The markdown itself stays markdown: rendering is the UI's business.
// Fenced blocks whose info string is `run` are the lesson's runnable commands, one per line.

export interface BodySection {
  id: string;
  title: string;
  markdown: string;
}

export interface LessonBody {
  intro: string;
  sections: BodySection[];
}

const STEP_HEADING = /^##[ \t]+(.+?)[ \t]+\{#([A-Za-z0-9_-]+)\}[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)?.*$/;

type LinePlace = 'outside' | 'open' | 'inside' | 'close';

/** Walk the lines of `markdown`, telling `visit` where each stands relative to fenced blocks. */
function eachLine(markdown: string, visit: (line: string, place: LinePlace, info: string) => void): void {
  let fence: string | undefined;
  let info = '';
  for (const line of markdown.split(/\r?\n/)) {
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        fence = open[1]!;
        info = open[2] ?? '';
        visit(line, 'open', info);
      } else visit(line, 'outside', '');
      continue;
    }
    const closing = line.trim();
    if (closing.startsWith(fence) && /^[`~]+$/.test(closing) && closing[0] === fence[0]) {
      fence = undefined;
      visit(line, 'close', info);
    } else visit(line, 'inside', info);
  }
}

/** Split a lesson body at its step headings. */
export function splitSections(markdown: string): LessonBody {
  const intro: string[] = [];
  const sections: { id: string; title: string; lines: string[] }[] = [];
  eachLine(markdown, (line, place) => {
    const heading = place === 'outside' ? STEP_HEADING.exec(line) : null;
    if (heading) sections.push({ title: heading[1]!, id: heading[2]!, lines: [] });
    else (sections.at(-1)?.lines ?? intro).push(line);
  });
  return {
    intro: intro.join('\n').trim(),
    sections: sections.map((s) => ({ id: s.id, title: s.title, markdown: s.lines.join('\n').trim() })),
  };
}

/** The runnable command lines of a markdown text: every line of every ```run block, in order. */
export function runCommands(markdown: string): string[] {
  const commands: string[] = [];
  eachLine(markdown, (line, place, info) => {
    if (place === 'inside' && info === 'run' && line.trim() !== '') commands.push(line.trim());
  });
  return commands;
}

/** A piece of a lesson's markdown, as the panel shows it. */
export type Segment =
  { kind: 'prose'; markdown: string } | { kind: 'run'; lines: string[] } | { kind: 'mermaid'; source: string };

/** Cut markdown into prose, runnable command blocks and Mermaid diagrams, in order. */
export function segments(markdown: string): Segment[] {
  const out: Segment[] = [];
  let prose: string[] = [];
  let block: string[] | undefined;
  const flushProse = () => {
    if (prose.join('').trim() !== '') out.push({ kind: 'prose', markdown: prose.join('\n') });
    prose = [];
  };
  eachLine(markdown, (line, place, info) => {
    const special = info === 'run' || info === 'mermaid';
    if (!special) {
      prose.push(line);
      return;
    }
    if (place === 'open') {
      flushProse();
      block = [];
    } else if (place === 'inside') block?.push(line);
    else if (place === 'close' && block) {
      if (info === 'run') out.push({ kind: 'run', lines: block.map((l) => l.trim()).filter((l) => l !== '') });
      else out.push({ kind: 'mermaid', source: block.join('\n') });
      block = undefined;
    }
  });
  // A block left open at the end still shows what it holds, as plain text.
  if (block?.length) prose.push(...block);
  flushProse();
  return out;
}
