// The quiz's deep links: `#/quiz` lists the quizzes, `#/quiz/<id>` opens one.
const QUIZ = /^#\/quiz(?:\/([a-z0-9-]+))?\/?$/;

/** What a location hash asks for: undefined (no quiz), the list (''), or a quiz id. */
export function quizOfHash(hash: string): string | undefined {
  const m = QUIZ.exec(hash);
  return m ? (m[1] ?? '') : undefined;
}

export function quizHash(id?: string): string {
  return id ? `#/quiz/${id}` : '#/quiz';
}
