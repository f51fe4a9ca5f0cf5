// What the student is told after a try. While tries are left and the answer is not fully right,
// only what they chose is judged (each chosen option, pair or position: right or wrong, and why),
// plus how many right choices are still missing — the rest stays hidden so the next try means
// something. Once the question is closed (right, or out of tries), every option is shown with its
// feedback, chosen and not chosen alike, and the explanation follows.
import type { CommandVerdict } from './command-judge';
import type { Question } from './question-schema';
import type { Answer } from './score';

export interface OptionFeedback {
  /** Index in the bank. */
  index: number;
  text: string;
  chosen: boolean;
  /** Undefined while hidden (not chosen, question still open). */
  correct?: boolean;
  feedback?: string;
}

export interface PairFeedback {
  left: string;
  /** The right-hand side the student chose, if any. */
  chosen?: string;
  right: boolean;
  /** Shown once closed. */
  answer?: string;
  feedback?: string;
}

export interface ItemFeedback {
  text: string;
  /** Where the student put it and where it belongs (from 1). */
  placed: number;
  belongs?: number;
  right: boolean;
  feedback?: string;
}

export interface TryFeedback {
  /** The raw score of this try, 0…1. */
  raw: number;
  /** `right`, `partly right` or `not right`. */
  verdict: 'right' | 'partly' | 'wrong';
  /** One sentence for the screen and for screen readers. */
  summary: string;
  closed: boolean;
  options?: OptionFeedback[];
  pairs?: PairFeedback[];
  items?: ItemFeedback[];
  /** For true/false and command questions: the feedback of what was answered. */
  message?: string;
  command?: CommandVerdict;
  explanation?: string;
}

const verdictOf = (raw: number): TryFeedback['verdict'] => (raw >= 1 ? 'right' : raw > 0 ? 'partly' : 'wrong');

function summaryOf(raw: number, closed: boolean, triesLeft: number): string {
  const base = raw >= 1 ? 'Right.' : raw > 0 ? `Partly right (${Math.round(raw * 100)}% of the marks).` : 'Not right.';
  if (raw >= 1 || !closed) return raw >= 1 ? base : `${base} ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`;
  return `${base} No tries left: the answer is shown below.`;
}

/** The feedback for one try. */
export function feedbackFor(
  question: Question,
  answer: Answer,
  raw: number,
  state: { closed: boolean; triesLeft: number; command?: CommandVerdict },
): TryFeedback {
  const { closed } = state;
  const base: TryFeedback = { raw, verdict: verdictOf(raw), summary: summaryOf(raw, closed, state.triesLeft), closed };
  if (closed) base.explanation = question.explanation;
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'prediction': {
      const chosen = new Set(answer.type === 'multiple' ? answer.choices : 'choice' in answer ? [answer.choice] : []);
      base.options = question.options.map((o, index) => {
        const shown = closed || chosen.has(index);
        return {
          index,
          text: o.text,
          chosen: chosen.has(index),
          ...(shown ? { correct: o.correct, feedback: o.feedback } : {}),
        };
      });
      if (!closed && question.type === 'multiple') {
        const missing = question.options.filter((o, i) => o.correct && !chosen.has(i)).length;
        if (missing > 0)
          base.summary += ` ${missing} correct ${missing === 1 ? 'option is' : 'options are'} not ticked yet.`;
      }
      return base;
    }
    case 'truefalse': {
      const value = answer.type === 'truefalse' ? answer.value : undefined;
      base.message = value === true ? question.whenTrue : value === false ? question.whenFalse : undefined;
      return base;
    }
    case 'matching': {
      const matches = answer.type === 'matching' ? answer.matches : [];
      const rights = [...question.pairs.map((p) => p.right), ...question.distractors];
      base.pairs = question.pairs.map((p, i) => {
        const pick = matches[i];
        const right = pick === i;
        return {
          left: p.left,
          ...(pick !== undefined && rights[pick] !== undefined ? { chosen: rights[pick] } : {}),
          right,
          ...(closed ? { answer: p.right, feedback: p.feedback } : right ? { feedback: p.feedback } : {}),
        };
      });
      return base;
    }
    case 'ordering': {
      const order = answer.type === 'ordering' ? answer.order : [];
      base.items = order.map((index, at) => {
        const item = question.items[index];
        const right = index === at;
        return {
          text: item?.text ?? '',
          placed: at + 1,
          right,
          ...(closed ? { belongs: index + 1, feedback: item?.feedback } : right ? { feedback: item?.feedback } : {}),
        };
      });
      return base;
    }
    case 'command': {
      if (state.command) {
        base.command = state.command;
        base.message = state.command.feedback;
      }
      if (closed && raw < 1) base.message = `${base.message ?? ''} One right answer: ${question.accepted[0]}`.trim();
      return base;
    }
  }
}
