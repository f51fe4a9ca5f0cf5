// The quiz bank's format, as a valibot schema whose field descriptions are its reference (the
// same habit as the lesson schema). A quiz is one YAML file in `lessons/quizzes/`: an id, a title,
// the chapter or lessons it checks, and its questions. Seven kinds of question:
//
//   single       one correct option among several            options[].correct: exactly one
//   multiple     any number of correct options (≥ 1)         partial credit, see score.ts
//   truefalse    a statement that is true or false           answer + whenTrue / whenFalse
//   matching     pair each left item with its right item     pairs (+ distractors)
//   ordering     put items in order                          items, listed in the right order
//   command      type a docker command line                  accepted lines, judged by parsing
//                                                            (aliases are equal) and, with
//                                                            `effect`, by running it on a world
//   prediction   a scenario paused mid-command: what happens next?  options carry a `claim` the
//                                                            replay test checks on the simulator
//
// Options are shuffled when shown, so no text may point at an option by letter or position; the
// content linter (lint.ts) checks that and the rules the schema alone cannot.
import * as v from 'valibot';
import { goalCheckSchema } from '../schema/goal-schema';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = (what: string) =>
  v.pipe(v.string(), v.regex(kebab, 'must be kebab-case (a-z, 0-9 and single dashes)'), v.description(what));
const text = (what: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.description(what));
const lines = (what: string) => v.pipe(v.array(text('A shell line.')), v.description(what));

const common = {
  id: id('Unique across the whole bank; results and the coverage map name the question by it.'),
  lesson: v.optional(id('The lesson the question checks (results are also kept per lesson).')),
  prompt: text('The question, in our own words (markdown is not rendered; keep it plain).'),
  explanation: text(
    'Why the answer is what it is; shown once the question is closed. Refer to options by their content.',
  ),
};

export const optionSchema = v.strictObject({
  text: text('What the student sees.'),
  correct: v.optional(v.pipe(v.boolean(), v.description('Whether ticking it is right (default false).')), false),
  feedback: text('Why this option is right or wrong; shown for chosen and not-chosen options alike.'),
});

const singleSchema = v.strictObject({
  ...common,
  type: v.literal('single'),
  options: v.pipe(v.array(optionSchema), v.minLength(2), v.description('The options; exactly one correct.')),
});

const multipleSchema = v.strictObject({
  ...common,
  type: v.literal('multiple'),
  options: v.pipe(v.array(optionSchema), v.minLength(2), v.description('The options; at least one correct.')),
});

const trueFalseSchema = v.strictObject({
  ...common,
  type: v.literal('truefalse'),
  answer: v.pipe(v.boolean(), v.description('Whether the statement in the prompt is true.')),
  whenTrue: text('Feedback for a student who answers "true".'),
  whenFalse: text('Feedback for a student who answers "false".'),
});

const pairSchema = v.strictObject({
  left: text('An item to match (a command, a term).'),
  right: text('What it matches.'),
  feedback: text('Why these two belong together.'),
});

const matchingSchema = v.strictObject({
  ...common,
  type: v.literal('matching'),
  pairs: v.pipe(
    v.array(pairSchema),
    v.minLength(2),
    v.description('The right pairs; the right-hand sides are shuffled.'),
  ),
  distractors: v.optional(
    v.pipe(v.array(text('A right-hand side that matches nothing.')), v.description('Extra choices.')),
    [],
  ),
});

const orderItemSchema = v.strictObject({
  text: text('One step.'),
  feedback: text('Why this step sits where it does.'),
});

const orderingSchema = v.strictObject({
  ...common,
  type: v.literal('ordering'),
  items: v.pipe(
    v.array(orderItemSchema),
    v.minLength(3),
    v.description('The items in the right order; shuffled when shown.'),
  ),
});

export const effectSchema = v.strictObject({
  setup: v.optional(lines('Lines run on a fresh world before the answer (or `!` world faults).'), []),
  goal: v.pipe(
    v.array(goalCheckSchema),
    v.minLength(1),
    v.description("What the answer must achieve, as a lesson step's goal."),
  ),
});

const mistakeSchema = v.strictObject({
  answer: text('A likely wrong command line; matched by parsing, like the accepted ones.'),
  feedback: text('What that command would do instead.'),
});

const commandSchema = v.strictObject({
  ...common,
  type: v.literal('command'),
  accepted: v.pipe(
    v.array(text('A docker command line.')),
    v.minLength(1),
    v.description(
      'Right answers; any line the docker CLI parses to the same command, flags and arguments is right too.',
    ),
  ),
  effect: v.optional(
    v.pipe(
      effectSchema,
      v.description('When given, an answer is also right if running it on a fresh world (after setup) meets the goal.'),
    ),
  ),
  right: text('Feedback for a right answer.'),
  wrong: text('Feedback for a wrong answer that matches no listed mistake.'),
  mistakes: v.optional(v.pipe(v.array(mistakeSchema), v.description('Feedback for likely wrong answers.')), []),
});

const requestPattern = v.strictObject({
  from: v.optional(text('Sender: a world host (laptop, docker.io, …).')),
  to: v.optional(text('Receiver: a world host (laptop, docker.io, auth.docker.io, registry.example.com, …).')),
  method: v.optional(text('HTTP method.')),
  path: v.optional(text('URL path without the query; `*` globs one segment; with or without the /v1.50 prefix.')),
  status: v.optional(v.pipe(v.number(), v.integer(), v.description('The status of its response.'))),
});

const layerCounts = v.strictObject({
  pushed: v.optional(v.pipe(v.number(), v.integer(), v.description('Layers shown `Pushed`.'))),
  alreadyExists: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.description('Layers shown `Layer already exists` (push) or `Already exists` (pull).'),
    ),
  ),
  mounted: v.optional(v.pipe(v.number(), v.integer(), v.description('Layers shown `Mounted from …`.'))),
  pulled: v.optional(v.pipe(v.number(), v.integer(), v.description('Layers shown `Pull complete`.'))),
});

export const claimSchema = v.pipe(
  v.strictObject({
    next: v.optional(v.pipe(requestPattern, v.description('The next request after the pause point looks like this.'))),
    requests: v.optional(
      v.pipe(
        v.strictObject({
          ...requestPattern.entries,
          count: v.pipe(v.number(), v.integer(), v.minValue(0), v.description('Exactly this many.')),
        }),
        v.description('After the pause point, exactly `count` requests match.'),
      ),
    ),
    layers: v.optional(v.pipe(layerCounts, v.description("Counts of the command's per-layer progress lines."))),
    exitCode: v.optional(v.pipe(v.number(), v.integer(), v.description("The command's exit status."))),
    stdoutContains: v.optional(text('Text its standard output contains.')),
    stderrContains: v.optional(text('Text its standard error contains.')),
  }),
  v.check((c) => Object.keys(c).length > 0, 'a claim needs at least one field'),
  v.description(
    'What this option says will happen; the replay test checks it against the simulator (true for the correct option, false for the others).',
  ),
);

const pauseSchema = v.strictObject({
  kind: v.optional(
    v.pipe(v.picklist(['request', 'response']), v.description('Which leg of the exchange (default response).')),
    'response',
  ),
  ...requestPattern.entries,
});

export const scenarioSchema = v.strictObject({
  setup: v.optional(
    lines('Lines run (unseen, at instant speed) on a fresh world before the question; `!` lines are world faults.'),
    [],
  ),
  command: text('The command line the question pauses.'),
  pauseAfter: v.optional(
    v.pipe(
      pauseSchema,
      v.description('Pause once the first trace message like this has arrived; without it, before the first message.'),
    ),
  ),
});

const predictionOptionSchema = v.strictObject({
  ...optionSchema.entries,
  claim: claimSchema,
});

const predictionSchema = v.strictObject({
  ...common,
  type: v.literal('prediction'),
  scenario: scenarioSchema,
  options: v.pipe(
    v.array(predictionOptionSchema),
    v.minLength(2),
    v.description('What might happen next; exactly one correct.'),
  ),
});

export const questionSchema = v.variant('type', [
  singleSchema,
  multipleSchema,
  trueFalseSchema,
  matchingSchema,
  orderingSchema,
  commandSchema,
  predictionSchema,
]);

export const quizFileSchema = v.strictObject({
  id: id('Unique quiz id; the deep link is #/quiz/<id>.'),
  title: text('Shown at the top of the quiz.'),
  summary: v.optional(text('One sentence for the quiz list.')),
  chapter: v.optional(
    v.pipe(v.string(), v.description('The chapter folder it closes (01-architecture); absent for the course quiz.')),
  ),
  lessons: v.optional(v.pipe(v.array(id('A lesson id.')), v.description('The lessons it checks.')), []),
  tries: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(5),
      v.description('Tries per question per round (default 3).'),
    ),
    3,
  ),
  include: v.optional(
    v.pipe(
      v.array(id('A question id from another quiz.')),
      v.description('Questions of other quizzes asked here too (the course quiz).'),
    ),
    [],
  ),
  questions: v.optional(v.pipe(v.array(questionSchema), v.description('The questions of this file.')), []),
});

export type Option = v.InferOutput<typeof optionSchema>;
export type Claim = v.InferOutput<typeof claimSchema>;
export type Scenario = v.InferOutput<typeof scenarioSchema>;
export type Effect = v.InferOutput<typeof effectSchema>;
export type Question = v.InferOutput<typeof questionSchema>;
export type QuestionType = Question['type'];
export type QuizFile = v.InferOutput<typeof quizFileSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type RequestPattern = v.InferOutput<typeof requestPattern>;
