// The world a lesson starts on. `world: fresh` is a new world seeded `lesson:<id>`, so every
// student (and every replay) starts from the same IDs and digests; `world: previous` is the
// previous lesson's end state, rebuilt by replaying that lesson — its start, its setup, its files
// and every step's solution — silently. Then this lesson's setup runs, captured and unseen (a
// line starting with `!` is a world fault), and its files are placed under /home/student.
import type { World } from '../../actors/world/world';
import type { Course, Lesson } from '../course';
import { previousLesson } from '../course';
import { HOME } from '../goals/goal-state';
import type { LessonPlatform } from './platform';
import { faultEvent, isFaultLine } from './world-faults';

export class LessonSetupError extends Error {
  override name = 'LessonSetupError';
}

export function lessonSeed(lesson: Lesson): string {
  return `lesson:${lesson.id}`;
}

/**
 * Run lines silently on `world`, in a session of its own whose history is not kept. A line that
 * fails is not fatal: a setup may arrange a failure on purpose (a push that was denied).
 */
async function runSilently(world: World, lines: readonly string[], platform: LessonPlatform): Promise<void> {
  if (lines.length === 0) return;
  const history = new Map([...world.history].map(([k, v]) => [k, [...v]]));
  const session = platform.createSession(world);
  for (const line of lines) {
    if (isFaultLine(line)) {
      world.send(faultEvent(line));
      continue;
    }
    await platform.runLine(session, line);
  }
  world.history.clear();
  for (const [k, v] of history) world.history.set(k, v);
}

/** Place the lesson's files in the laptop's home directory. */
export function placeFiles(world: World, lesson: Lesson): void {
  for (const file of lesson.files) {
    const path = `${HOME}/${file.path}`;
    const dir = path.slice(0, path.lastIndexOf('/'));
    world.files.mkdir(dir, { parents: true });
    world.files.writeFile(path, file.content);
  }
}

/** The lesson's world before its setup: fresh, or the previous lesson's end state. */
async function baseWorld(lesson: Lesson, course: Course | undefined, platform: LessonPlatform): Promise<World> {
  if (lesson.world === 'fresh') return platform.createWorld(lessonSeed(lesson));
  const previous = course && previousLesson(course, lesson);
  if (!previous)
    throw new LessonSetupError(
      `lesson ${lesson.id} starts from the previous lesson's world, but it is the first lesson`,
    );
  const world = await startingWorld(previous, course, platform);
  await runSilently(
    world,
    previous.steps.flatMap((s) => s.solution),
    platform,
  );
  return world;
}

/** Build the world `lesson` starts on: base world, setup, files. */
export async function startingWorld(
  lesson: Lesson,
  course: Course | undefined,
  platform: LessonPlatform,
): Promise<World> {
  const world = await baseWorld(lesson, course, platform);
  try {
    await runSilently(world, lesson.setup, platform);
    placeFiles(world, lesson);
  } catch (err) {
    world.stop();
    throw err;
  }
  return world;
}
