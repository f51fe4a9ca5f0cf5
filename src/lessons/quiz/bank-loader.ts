// The bank shipped with the app: every `lessons/quizzes/*.yaml`, gathered by Vite at build time
// (`import.meta.glob`, which Vitest understands too) and assembled once by buildBank.
import { buildBank, type Bank, type BankFile } from './bank';

const sources = import.meta.glob<string>('/lessons/quizzes/*.yaml', { query: '?raw', import: 'default', eager: true });

/** Every quiz file as text, paths as `/lessons/quizzes/…`. */
export function bankFiles(): BankFile[] {
  return Object.entries(sources).map(([path, text]) => ({ path, text }));
}

let built: Bank | undefined;

/** The bank in `lessons/quizzes` (built once). */
export function loadBank(): Bank {
  built ??= buildBank(bankFiles());
  return built;
}
