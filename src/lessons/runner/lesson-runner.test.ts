import { describe, expect, it } from 'vitest';
import { runLine } from '../../actors/session/run-line';
import type { TerminalSession } from '../../actors/session/terminal-session';
import { buildCourse } from '../parse/course-builder';
import { MemoryProgressStore } from '../progress/progress-store';
import { fixtureFiles } from '../testdata/fixture-course';
import type { Lesson } from '../course';
import { LessonRunner } from './lesson-runner';
import { replayFailures, replaySolution } from './replay';
import { startingWorld } from './starting-world';
import { simulatorPlatform } from './platform';

const { course } = buildCourse(fixtureFiles());
const hello = course.lessons[0]!;
const tagging = course.lessons[1]!;

describe('the lesson runner', { timeout: 60_000 }, () => {
  it('moves through the steps as the world changes, whatever was typed, and records progress', async () => {
    const progress = new MemoryProgressStore();
    let clock = 1_000;
    const runner = new LessonRunner({ course, progress, now: () => clock++ });
    const { world, session } = await runner.start(hello);
    try {
      expect(runner.state).toMatchObject({ status: 'active', stepIndex: 0 });
      expect(runner.state.unmet.join('\n')).toMatch(/0 container\(s\)/);

      // A command that changes nothing relevant leaves the step where it is.
      await runLine(session as TerminalSession, 'docker images');
      await runner.settled();
      expect(runner.state.stepIndex).toBe(0);

      expect(runner.hint()).toBe('The image is called hello-world.');
      expect(runner.showSolution(false)).toBeUndefined();
      expect(runner.showSolution(true)).toEqual(['docker run hello-world']);

      // Pulling first and running afterwards also reaches the goal: the world is judged, not the text.
      await runLine(session as TerminalSession, 'docker pull hello-world');
      await runLine(session as TerminalSession, 'docker run hello-world');
      await runner.settled();
      expect(runner.state.stepIndex).toBe(1);
      expect(runner.state.steps.map((s) => s.done)).toEqual([true, false]);
      expect(runner.state.hints).toEqual([]);

      await runLine(session as TerminalSession, 'docker run hello-world');
      await runner.settled();
      expect(runner.state.status).toBe('complete');

      const saved = await progress.get(hello.id);
      expect(saved?.steps['run-hello']).toMatchObject({ done: true, hintsUsed: 1, solutionShown: true });
      expect(saved?.steps['run-again']).toMatchObject({ done: true, hintsUsed: 0, solutionShown: false });
      expect(saved?.completedAt).toBeGreaterThan(saved!.startedAt);
    } finally {
      runner.detach();
      world.stop();
    }
  });

  it('builds a previous-lesson world with setup and files', async () => {
    const world = await startingWorld(tagging, course, simulatorPlatform);
    try {
      const laptop = world.daemons.get('laptop')!.store;
      expect(laptop.resolve('hello-world')).toBeDefined(); // the previous lesson's solution ran
      expect(laptop.resolve('alpine')).toBeDefined(); // this lesson's setup ran
      expect(world.files.readText('/home/student/hello/Dockerfile')).toBe('FROM alpine\nCMD ["echo", "hello"]\n');
      expect(world.files.readText('/home/student/notes.txt')).toBe('tag me\n');
      expect(world.history.get('laptop') ?? []).toEqual([]); // silent: not in the student's history
    } finally {
      world.stop();
    }
  });

  it('turns fault lines of a setup into world events', async () => {
    const faulty: Lesson = {
      ...hello,
      id: 'faulty',
      setup: ['!daemon.stop laptop', '!link.down cloud-vm docker.io'],
      steps: [{ ...hello.steps[0]!, goal: [{ daemon: { host: 'laptop', up: true } }] }],
    };
    const runner = new LessonRunner({ course });
    const { world, session } = await runner.start(faulty);
    try {
      expect(world.topology.isHostUp('laptop')).toBe(false);
      expect(world.topology.linkBetween('cloud-vm', 'docker.io')?.up).toBe(false);
      expect(runner.state.unmet).toEqual(['the daemon on laptop is stopped']);
      const result = await runLine(session as TerminalSession, 'docker ps');
      expect(result.stderr).toContain('Cannot connect to the Docker daemon');
    } finally {
      runner.detach();
      world.stop();
    }
  });

  it('replays the fixture lessons: every goal unmet before its solution and met after', async () => {
    for (const lesson of course.lessons) {
      const replay = await replaySolution(lesson, { course });
      expect(replayFailures(replay)).toEqual([]);
      expect(replay.ok).toBe(true);
    }
  });

  it('reports a goal that already holds, and one a solution does not reach', async () => {
    const broken: Lesson = {
      ...hello,
      id: 'broken',
      steps: [
        { ...hello.steps[0]!, id: 'always', goal: [{ daemon: { host: 'laptop', up: true } }] },
        { ...hello.steps[0]!, id: 'never', solution: ['docker images'] },
      ],
    };
    const replay = await replaySolution(broken, { course });
    expect(replay.ok).toBe(false);
    expect(replayFailures(replay)).toEqual([
      'broken#always: the goal already holds before the solution runs',
      expect.stringMatching(/^broken#never: the goal does not hold after the solution: laptop: 0 container\(s\)/),
    ]);
  });
});
