// date: the time on the simulation's clock, in UTC (a container has no time zone unless it is
// given one). `date` alone prints `Sat Mar  1 12:00:00 UTC 2025`; `date +%Y-%m-%d` formats it
// with strftime's conversions; `-d` shows another time (`-d @1740830400`, `-d '2025-03-01'`);
// setting the clock is refused, as a container may not change the host's.

import { registerApplet } from './registry';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime(3) in UTC, for the conversions scripts use. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  const conv = (c: string): string => {
    switch (c) {
      case 'a':
        return (DAYS[w] as string).slice(0, 3);
      case 'A':
        return DAYS[w] as string;
      case 'b':
      case 'h':
        return (MONTHS[m] as string).slice(0, 3);
      case 'B':
        return MONTHS[m] as string;
      case 'c':
        return `${conv('a')} ${conv('b')} ${conv('e')} ${conv('T')} ${Y}`;
      case 'C':
        return p2(Math.floor(Y / 100));
      case 'd':
        return p2(day);
      case 'D':
        return `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`;
      case 'e':
        return String(day).padStart(2);
      case 'F':
        return `${Y}-${p2(m + 1)}-${p2(day)}`;
      case 'H':
        return p2(H);
      case 'I':
        return p2(H % 12 || 12);
      case 'j':
        return String(yday).padStart(3, '0');
      case 'k':
        return String(H).padStart(2);
      case 'l':
        return String(H % 12 || 12).padStart(2);
      case 'm':
        return p2(m + 1);
      case 'M':
        return p2(M);
      case 'n':
        return '\n';
      case 'N':
        return String((ms % 1000) * 1_000_000).padStart(9, '0');
      case 'p':
        return H < 12 ? 'AM' : 'PM';
      case 'P':
        return H < 12 ? 'am' : 'pm';
      case 'R':
        return `${p2(H)}:${p2(M)}`;
      case 's':
        return String(Math.floor(ms / 1000));
      case 'S':
        return p2(S);
      case 't':
        return '\t';
      case 'T':
      case 'X':
        return `${p2(H)}:${p2(M)}:${p2(S)}`;
      case 'u':
        return String(w === 0 ? 7 : w);
      case 'w':
        return String(w);
      case 'x':
        return `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`;
      case 'y':
        return p2(Y % 100);
      case 'Y':
        return String(Y);
      case 'z':
        return '+0000';
      case 'Z':
        return 'UTC';
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  };
  return format.replace(/%(.)/g, (_, c: string) => conv(c));
}

/** `-d` values: `@seconds`, ISO dates and times, `now`. */
function parseDate(text: string, now: number): number | undefined {
  if (text === 'now' || text === '') return now;
  if (/^@-?\d+$/.test(text)) return Number(text.slice(1)) * 1000;
  const iso = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(text)
    ? `${text.replace(' ', 'T')}${text.length > 10 ? '' : 'T00:00:00'}Z`
    : text;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

registerApplet('date', async (tool) => {
  let when = tool.ctx.clock.now();
  let format = '%a %b %e %H:%M:%S %Z %Y';
  for (let i = 0; i < tool.args.length; i++) {
    const a = tool.args[i] as string;
    if (a === '-u' || a === '--utc') continue;
    if (a === '-d' || a === '--date' || a.startsWith('--date=') || a.startsWith('-d')) {
      const value = a === '-d' || a === '--date' ? (tool.args[++i] ?? '') : a.replace(/^--date=|^-d/, '');
      const parsed = parseDate(value, when);
      if (parsed === undefined) return tool.fail(tool.gnu ? `invalid date '${value}'` : `invalid date '${value}'`);
      when = parsed;
    } else if (a === '-I' || a.startsWith('--iso-8601'))
      format = a.includes('seconds') ? '%Y-%m-%dT%H:%M:%S+00:00' : '%Y-%m-%d';
    else if (a === '-R' || a === '--rfc-2822') format = '%a, %d %b %Y %H:%M:%S +0000';
    else if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-s' || /^\d{4,}/.test(a)) {
      return tool.fail(
        tool.gnu ? 'cannot set date: Operation not permitted' : "can't set date: Operation not permitted",
      );
    } else return tool.fail(tool.gnu ? `invalid date '${a}'` : `invalid date '${a}'`);
  }
  tool.out(`${strftime(format, when)}\n`);
  return 0;
});
