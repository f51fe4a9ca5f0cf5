// The content linter: the rules of a good question bank that a schema cannot say. Every problem is
// one line naming the file and the question. Rules:
//
//   - ids unique across the bank; every `include` and `lesson` names something that exists;
//   - single choice and prediction: exactly one correct option; multiple choice: at least one;
//   - matching: every left side and every right side (distractors too) different; ordering: items
//     different (so each has one place);
//   - options are shuffled at display: no prompt, option, feedback or explanation may point at an
//     option by letter or position ("option B", "(2)", "the first one", "A-2");
//   - command questions: every accepted answer and listed mistake is a line the docker CLI parses,
//     and no mistake is the same command as an accepted answer;
//   - the bank as a whole: at least 40 questions, at least 8 prediction questions, among them
//     build, push, pull and run; every FAQ item of the coverage map has a question, and every
//     question id the map names exists.
import type { CoverageMap } from '../coverage/coverage-schema';
import type { Bank } from './bank';
import { parseDockerLine } from './command-line';
import type { Question } from './question-schema';

export const MIN_QUESTIONS = 40;
export const MIN_PREDICTIONS = 8;
export const PREDICTION_COMMANDS = [
  'docker image build',
  'docker image push',
  'docker image pull',
  'docker container run',
] as const;

const POSITIONAL: readonly RegExp[] = [
  /\b(?:[Oo]ption|[Aa]nswer|[Cc]hoice|[Ss]tatement|[Ii]tem)s?\s+\(?(?:[A-H]|[1-9])\)?(?![\w'’-])/,
  /\((?:[A-Ha-h]|[1-9])\)/,
  /\b(?:first|second|third|fourth|fifth|sixth|last|previous|next|other|top|bottom|above|below)\s+(?:one|option|answer|choice)s?\b/i,
  /\b(?:one|option|answer|choice)s?\s+(?:above|below)\b/i,
  /(?:^|\s)[A-H][.)]\s/,
  /\b[A-H]\s*[-–]\s*[1-9]\b/,
];

/** The first positional reference in `text`, if any. */
export function positionalReference(text: string): string | undefined {
  for (const pattern of POSITIONAL) {
    const m = pattern.exec(text);
    if (m) return m[0].trim();
  }
  return undefined;
}

/** Every piece of text of a question a student reads, with a name for each. */
function textsOf(q: Question): [string, string][] {
  const out: [string, string][] = [
    ['prompt', q.prompt],
    ['explanation', q.explanation],
  ];
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'prediction':
      q.options.forEach((o, i) => out.push([`options[${i}].text`, o.text], [`options[${i}].feedback`, o.feedback]));
      break;
    case 'truefalse':
      out.push(['whenTrue', q.whenTrue], ['whenFalse', q.whenFalse]);
      break;
    case 'matching':
      q.pairs.forEach((p, i) =>
        out.push([`pairs[${i}].left`, p.left], [`pairs[${i}].right`, p.right], [`pairs[${i}].feedback`, p.feedback]),
      );
      break;
    case 'ordering':
      q.items.forEach((it, i) => out.push([`items[${i}].text`, it.text], [`items[${i}].feedback`, it.feedback]));
      break;
    case 'command':
      out.push(['right', q.right], ['wrong', q.wrong]);
      q.mistakes.forEach((m, i) => out.push([`mistakes[${i}].feedback`, m.feedback]));
      break;
  }
  return out;
}

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

function lintQuestion(q: Question, where: string, lessons: ReadonlySet<string> | undefined): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${where}: question ${q.id}: ${message}`);
  if (q.lesson && lessons && !lessons.has(q.lesson)) say(`lesson ${q.lesson} does not exist`);
  for (const [field, text] of textsOf(q)) {
    const ref = positionalReference(text);
    if (ref)
      say(
        `${field} refers to an option by letter or position ("${ref}"); options are shuffled — name it by its content`,
      );
  }
  switch (q.type) {
    case 'single':
    case 'prediction': {
      const n = q.options.filter((o) => o.correct).length;
      if (n !== 1) say(`needs exactly one correct option, has ${n}`);
      break;
    }
    case 'multiple':
      if (!q.options.some((o) => o.correct)) say('needs at least one correct option');
      break;
    case 'matching': {
      for (const d of duplicates(q.pairs.map((p) => p.left))) say(`the left side "${d}" appears twice`);
      for (const d of duplicates([...q.pairs.map((p) => p.right), ...q.distractors]))
        say(`the right side "${d}" appears twice`);
      break;
    }
    case 'ordering':
      for (const d of duplicates(q.items.map((it) => it.text))) say(`the item "${d}" appears twice`);
      break;
    case 'command': {
      const canon = new Set<string>();
      for (const line of q.accepted) {
        const p = parseDockerLine(line);
        if (!p.ok) say(`accepted answer \`${line}\` does not parse: ${p.error}`);
        else canon.add(p.line.canonical);
      }
      for (const m of q.mistakes) {
        const p = parseDockerLine(m.answer);
        if (!p.ok) say(`mistake \`${m.answer}\` does not parse: ${p.error}`);
        else if (canon.has(p.line.canonical)) say(`mistake \`${m.answer}\` is the same command as an accepted answer`);
      }
      break;
    }
    case 'truefalse':
      break;
  }
  if ('options' in q) for (const d of duplicates(q.options.map((o) => o.text))) say(`the option "${d}" appears twice`);
  return problems;
}

/** The docker command a prediction question pauses (`docker image push`), if it parses. */
export function predictionCommand(q: Question): string | undefined {
  if (q.type !== 'prediction') return undefined;
  const p = parseDockerLine(q.scenario.command);
  return p.ok ? p.line.command : undefined;
}

export interface LintContext {
  /** Lesson ids of the course (to check `lesson` and `lessons` fields). */
  lessons?: ReadonlySet<string>;
  coverage?: CoverageMap;
}

export function lintBank(bank: Bank, context: LintContext = {}): string[] {
  const problems = [...bank.problems];
  for (const [id, q] of bank.questions) problems.push(...lintQuestion(q, bank.homes.get(id) ?? '?', context.lessons));
  for (const quiz of bank.quizzes) {
    if (quiz.questions.length === 0) problems.push(`${quiz.path}: quiz ${quiz.id} has no questions`);
    for (const d of duplicates(quiz.questions.map((q) => q.id)))
      problems.push(`${quiz.path}: question ${d} is asked twice`);
    if (context.lessons)
      for (const l of quiz.lessons)
        if (!context.lessons.has(l)) problems.push(`${quiz.path}: lesson ${l} does not exist`);
  }
  const all = [...bank.questions.values()];
  if (all.length < MIN_QUESTIONS) problems.push(`bank: ${all.length} questions, at least ${MIN_QUESTIONS} wanted`);
  const predictions = all.filter((q) => q.type === 'prediction');
  if (predictions.length < MIN_PREDICTIONS)
    problems.push(`bank: ${predictions.length} prediction questions, at least ${MIN_PREDICTIONS} wanted`);
  const commands = new Set(predictions.map(predictionCommand));
  for (const c of PREDICTION_COMMANDS)
    if (!commands.has(c)) problems.push(`bank: no prediction question pauses \`${c}\``);
  for (const q of predictions)
    if (!predictionCommand(q))
      problems.push(`${bank.homes.get(q.id)}: question ${q.id}: the scenario command is not a docker command line`);
  if (context.coverage) {
    const map = context.coverage;
    for (const item of map.faq) {
      if (item.quiz.length === 0) problems.push(`coverage: faq.${item.id}: no quiz question tests it`);
    }
    const points = [
      ...map.sections.flatMap((s) => s.points.map((p) => [`sections.${s.id}.${p.id}`, p] as const)),
      ...map.faq.map((f) => [`faq.${f.id}`, f] as const),
    ];
    for (const [name, point] of points) {
      for (const id of point.quiz)
        if (!bank.questions.has(id)) problems.push(`coverage: ${name}: no question ${id} in the bank`);
    }
  }
  return problems;
}
