// "Did you mean …?" — how BuildKit (`util/suggest`) guesses what a typo meant.
//
// `RUNN` is one edit away from `RUN`, so `unknown instruction: RUNN (did you mean RUN?)`. The guess
// is the option with the smallest Levenshtein distance, and only when that distance is below 3.
// Unknown instructions are compared case-insensitively (the suggestion takes the case of what was
// typed: `runn` → `run`, `RUNN` → `RUN`); flag names are compared case-sensitively.
//
// Go iterates its option map in random order, so when two options tie Docker may pick either; we
// keep the first in the order given, which makes our answer one of Docker's possible answers.

/** Levenshtein edit distance (insert, delete, substitute: cost 1 each), counted in code points. */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitute = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitute));
    }
    previous = current;
  }
  return previous[y.length]!;
}

function matchCase(option: string, typed: string): string {
  if (typed === typed.toLowerCase()) return option.toLowerCase();
  if (typed === typed.toUpperCase()) return option.toUpperCase();
  return option;
}

/** The option `value` was probably meant to be, or undefined (no close option, or an exact match). */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean): string | undefined {
  const typed = caseSensitive ? value : value.toLowerCase();
  let match: string | undefined;
  let best = 3;
  for (const raw of options) {
    const option = caseSensitive ? raw : raw.toLowerCase();
    if (option === typed) return undefined; // an exact match means the error was about something else
    const distance = levenshtein(typed, option);
    if (distance < best) {
      match = caseSensitive ? option : matchCase(option, value);
      best = distance;
    }
  }
  return match;
}

/** `message (did you mean X?)` when a suggestion exists, otherwise the message unchanged. */
export function withSuggestion(message: string, suggestion: string | undefined): string {
  return suggestion === undefined ? message : `${message} (did you mean ${suggestion}?)`;
}
