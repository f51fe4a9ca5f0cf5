// The question bank: every quiz file of `lessons/quizzes/` parsed, validated against the schema
// and assembled — each quiz with its own questions plus those it includes from others (the course
// quiz). Problems (bad YAML, schema failures, unknown includes) are collected, one line each,
// never thrown: the linter and the tests print them, the page shows what loaded.
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { describeIssues } from '../parse/lesson-parser';
import { quizFileSchema, type Question, type QuizFile } from './question-schema';

export interface Quiz {
  id: string;
  title: string;
  summary?: string;
  /** The chapter folder it closes; undefined for the course quiz. */
  chapter?: string;
  lessons: string[];
  /** Tries per question per round. */
  tries: number;
  /** Its own questions, then the included ones. */
  questions: Question[];
  /** The file it came from, e.g. `lessons/quizzes/01-architecture.yaml`. */
  path: string;
}

export interface Bank {
  quizzes: Quiz[];
  /** Every question by id (each question lives in exactly one file). */
  questions: ReadonlyMap<string, Question>;
  /** Which file each question was written in. */
  homes: ReadonlyMap<string, string>;
  problems: string[];
}

export interface BankFile {
  path: string;
  text: string;
}

function parseFile(file: BankFile, problems: string[]): QuizFile | undefined {
  let data: unknown;
  try {
    data = parseYaml(file.text);
  } catch (err) {
    problems.push(`${file.path}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const checked = v.safeParse(quizFileSchema, data);
  if (!checked.success) {
    problems.push(...describeIssues(file.path, checked.issues));
    return undefined;
  }
  return checked.output;
}

/** Build the bank from quiz files (paths with or without a leading slash), in path order. */
export function buildBank(files: readonly BankFile[]): Bank {
  const problems: string[] = [];
  const sorted = [...files]
    .map((f) => ({ ...f, path: f.path.replace(/^\//, '') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parsed: { file: QuizFile; path: string }[] = [];
  const questions = new Map<string, Question>();
  const homes = new Map<string, string>();
  for (const f of sorted) {
    const file = parseFile(f, problems);
    if (!file) continue;
    parsed.push({ file, path: f.path });
    for (const q of file.questions) {
      const home = homes.get(q.id);
      if (home) problems.push(`${f.path}: question ${q.id}: the id is already used in ${home}`);
      else {
        questions.set(q.id, q);
        homes.set(q.id, f.path);
      }
    }
  }
  const quizIds = new Set<string>();
  const quizzes: Quiz[] = parsed.map(({ file, path }) => {
    if (quizIds.has(file.id)) problems.push(`${path}: quiz id ${file.id} is used twice`);
    quizIds.add(file.id);
    const included = file.include.flatMap((id) => {
      const q = questions.get(id);
      if (!q) problems.push(`${path}: include: no question ${id} in the bank`);
      return q ? [q] : [];
    });
    return {
      id: file.id,
      title: file.title,
      ...(file.summary ? { summary: file.summary } : {}),
      ...(file.chapter ? { chapter: file.chapter } : {}),
      lessons: file.lessons,
      tries: file.tries,
      questions: [...file.questions, ...included],
      path,
    };
  });
  return { quizzes, questions, homes, problems };
}

export function quizById(bank: Bank, id: string): Quiz | undefined {
  return bank.quizzes.find((q) => q.id === id);
}
