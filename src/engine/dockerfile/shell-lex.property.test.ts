import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShellLex, emptyEnv, envFromRecord } from './shell-lex';

// Round trips: quoting or escaping any text the way a Dockerfile author would, then expanding it,
// gives the text back; and expansion of text with nothing special in it is the identity.

const lex = new ShellLex('\\');
const backtickLex = new ShellLex('`');
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

/** Escape every character the lexer treats specially outside quotes. */
const escapeAll = (text: string, escape: string): string =>
  Array.from(text)
    .map((ch) => (ch === escape || ch === '$' || ch === "'" || ch === '"' ? escape + ch : ch))
    .join('');

/** Double-quote, escaping the characters that are special inside double quotes. */
const doubleQuote = (text: string): string =>
  '"' +
  Array.from(text)
    .map((ch) => (ch === '"' || ch === '$' || ch === '\\' ? '\\' + ch : ch))
    .join('') +
  '"';

describe('word expansion round trips', () => {
  it('leaves text without $, quotes or escapes unchanged', () => {
    const plain = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[$'"\\]/.test(s));
    fc.assert(
      fc.property(plain, (text) => {
        expect(lex.processWord(text, emptyEnv)).toBe(text);
      }),
    );
  });

  it('takes single-quoted text literally', () => {
    const noQuote = anyText.filter((s) => !s.includes("'"));
    fc.assert(
      fc.property(noQuote, (text) => {
        expect(lex.processWord(`'${text}'`, emptyEnv)).toBe(text);
      }),
    );
  });

  it('undoes backslash escaping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(lex.processWord(escapeAll(text, '\\'), emptyEnv)).toBe(text);
      }),
    );
  });

  it('undoes backtick escaping under `# escape=``', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(backtickLex.processWord(escapeAll(text, '`'), emptyEnv)).toBe(text);
      }),
    );
  });

  it('undoes double quoting', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(lex.processWord(doubleQuote(text), emptyEnv)).toBe(text);
      }),
    );
  });

  it('splits double-quoted words back into the same words', () => {
    const words = fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 6 });
    fc.assert(
      fc.property(words, (list) => {
        expect(lex.processWords(list.map(doubleQuote).join(' '), emptyEnv)).toEqual(list);
      }),
    );
  });

  it('substitutes a variable with exactly its value, however strange', () => {
    fc.assert(
      fc.property(
        anyText,
        anyText.filter((s) => !/[$'"\\]/.test(s)),
        (value, prefix) => {
          const env = envFromRecord({ V: value });
          expect(lex.processWord(`${prefix}\${V}`, env)).toBe(prefix + value);
          expect(lex.processWord(`"\${V}"`, env)).toBe(value);
        },
      ),
    );
  });
});
