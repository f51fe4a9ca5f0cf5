// Results for an instructor: JSON (everything kept) or CSV, one row per question of each quiz —
// columns quiz, question, type, tries, score, answeredAt (ISO 8601) — quoted as RFC 4180 says
// (fields with a comma, quote or line break in double quotes, quotes doubled; CRLF line ends).
import type { QuizResult } from './results-store';

export const CSV_COLUMNS = ['quiz', 'question', 'type', 'tries', 'score', 'answeredAt'] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Scores are written with at most 4 decimals (0.5, 0.25, 0.6667). */
function scoreText(score: number): string {
  return String(Math.round(score * 10000) / 10000);
}

export function resultsToCsv(results: readonly QuizResult[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const r of [...results].sort((a, b) => a.quizId.localeCompare(b.quizId))) {
    for (const q of r.questions) {
      rows.push([
        r.quizId,
        q.question,
        q.type,
        String(q.tries),
        scoreText(q.score),
        q.answeredAt !== undefined ? new Date(q.answeredAt).toISOString() : '',
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function resultsToJson(results: readonly QuizResult[], exportedAt: number): string {
  const sorted = [...results].sort((a, b) => a.quizId.localeCompare(b.quizId));
  return JSON.stringify(
    { format: 'dockyard-quiz-results', version: 1, exportedAt: new Date(exportedAt).toISOString(), results: sorted },
    null,
    2,
  );
}
