// @vitest-environment jsdom
// The course menu: a heading per chapter, a link per lesson to its deep link (#/lesson/<id>), and
// how many of the lesson's steps the student has done — a tick once the lesson is complete.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAllByRole, getByRole } from '@testing-library/dom';
import type { Course, Lesson } from '../../lessons/course';
import type { LessonProgress } from '../../lessons/progress/progress-store';

// Without @testing-library/svelte's vite plugin, `svelte` resolves to its server build under
// Vitest; the component itself is compiled for the client, so mount with the client API.
// @ts-expect-error Svelte's client entry has no declaration file of its own (its types are svelte's).
vi.mock('svelte', async () => await import('../../../node_modules/svelte/src/index-client.js'));
const { flushSync, mount, unmount } = await import('svelte');
const { default: CourseMenu } = await import('./CourseMenu.svelte');

/** A lesson with `steps` steps; only what the menu reads is meaningful. */
function lesson(id: string, title: string, steps: number): Lesson {
  return {
    id,
    title,
    summary: `About ${title}.`,
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `step-${i + 1}`,
      title: `Step ${i + 1}`,
      goal: [],
      hints: [],
      solution: [],
      markdown: '',
    })),
    setup: [],
    files: [],
    intro: '',
    folder: `lessons/01-architecture/${id}`,
    chapter: '01-architecture',
  } as unknown as Lesson;
}

const first = lesson('first-container', 'Your first container', 3);
const client = lesson('client-and-daemon', 'Client, host and registry', 4);
const images = lesson('layers', 'Layers', 2);
const course: Course = {
  chapters: [
    { slug: '01-architecture', title: 'The big picture', summary: 'Three parts.', lessons: [first, client] },
    { slug: '02-images', title: 'Images', summary: 'Stacks of layers.', lessons: [images] },
  ],
  lessons: [first, client, images],
};

const done = (id: string, count: number, completedAt?: number): LessonProgress => ({
  lessonId: id,
  startedAt: 1,
  ...(completedAt !== undefined ? { completedAt } : {}),
  steps: Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`step-${i + 1}`, { done: true, hintsUsed: 0, solutionShown: false }]),
  ),
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function show(progress: Record<string, LessonProgress>) {
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(CourseMenu, { target, props: { course, progress } });
  flushSync();
  cleanups.push(() => {
    unmount(component);
    target.remove();
  });
  const progressOf = (id: string) =>
    target
      .querySelector(`[data-testid="lesson-progress"][data-lesson="${id}"]`)!
      .textContent!.replace(/\s+/g, ' ')
      .trim();
  return { target, progressOf };
}

describe('CourseMenu', () => {
  it('lists the chapters and links every lesson to its deep link', () => {
    const { target } = show({});
    const nav = getByRole(target, 'navigation', { name: 'Course' });
    expect(getAllByRole(nav, 'heading', { level: 3 }).map((h) => h.textContent)).toEqual(['The big picture', 'Images']);
    expect(getAllByRole(nav, 'link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Your first container', '#/lesson/first-container'],
      ['Client, host and registry', '#/lesson/client-and-daemon'],
      ['Layers', '#/lesson/layers'],
    ]);
  });

  it('counts the steps done, never more than the lesson has, and ticks a completed lesson', () => {
    const { progressOf } = show({
      'first-container': done('first-container', 3, 1000),
      // Step 3 was tried (a hint used) but is not done: it does not count.
      'client-and-daemon': {
        ...done('client-and-daemon', 2),
        steps: { ...done('client-and-daemon', 2).steps, 'step-3': { done: false, hintsUsed: 1, solutionShown: false } },
      },
      layers: done('layers', 5),
    });
    expect(progressOf('first-container')).toBe('✓ 3/3');
    expect(progressOf('client-and-daemon')).toBe('2/4');
    expect(progressOf('layers')).toBe('2/2');
  });

  it('shows 0 of every lesson to a new student', () => {
    const { progressOf } = show({});
    expect([first, client, images].map((l) => progressOf(l.id))).toEqual(['0/3', '0/4', '0/2']);
  });
});
