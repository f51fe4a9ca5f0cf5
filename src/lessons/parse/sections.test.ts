import { describe, expect, it } from 'vitest';
import { runCommands, segments, splitSections } from './sections';

const body = [
  'Intro text.',
  '',
  '## First {#first}',
  'Before.',
  '```run',
  'docker run hello-world',
  '',
  'docker ps -a',
  '```',
  '```mermaid',
  'sequenceDiagram',
  '  A->>B: hi',
  '```',
  '```sh',
  '## not a heading {#nope}',
  '```',
  'After.',
  '## Second {#second}',
  '~~~~run',
  'docker images',
  '~~~~',
].join('\n');

describe('lesson body sections', () => {
  it('splits at step headings outside fences', () => {
    const { intro, sections } = splitSections(body);
    expect(intro).toBe('Intro text.');
    expect(sections.map((s) => [s.id, s.title])).toEqual([
      ['first', 'First'],
      ['second', 'Second'],
    ]);
    expect(sections[0]!.markdown).toContain('## not a heading {#nope}');
  });

  it('finds run commands, one per non-empty line', () => {
    expect(runCommands(body)).toEqual(['docker run hello-world', 'docker ps -a', 'docker images']);
  });

  it('cuts a section into prose, command blocks and diagrams', () => {
    const first = splitSections(body).sections[0]!.markdown;
    expect(segments(first).map((s) => s.kind)).toEqual(['prose', 'run', 'mermaid', 'prose']);
    expect(segments(first)[1]).toEqual({ kind: 'run', lines: ['docker run hello-world', 'docker ps -a'] });
    expect(segments(first)[2]).toEqual({ kind: 'mermaid', source: 'sequenceDiagram\n  A->>B: hi' });
    expect(segments(first)[3]).toEqual({ kind: 'prose', markdown: '```sh\n## not a heading {#nope}\n```\nAfter.' });
  });
});
