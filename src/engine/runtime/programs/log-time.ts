// The ways servers write a moment in their logs and headers. Containers run in UTC (the images
// carry no /etc/localtime), so every format here is UTC; the instant comes from the simulation's
// clock, never from the machine running the simulator.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function parts(ms: number) {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hms: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    millis: d.getUTCMilliseconds(),
  };
}

/** HTTP's IMF-fixdate (RFC 9110 §5.6.7), for `Date` and `Last-Modified`: `Thu, 20 Feb 2025 10:00:00 GMT`. */
export function httpDate(ms: number): string {
  const p = parts(ms);
  return `${DAYS[p.weekday]}, ${pad(p.day)} ${MONTHS[p.month]} ${p.year} ${p.hms} GMT`;
}

/** nginx's error log: `2025/02/20 10:00:00`. */
export function nginxErrorTime(ms: number): string {
  const p = parts(ms);
  return `${p.year}/${pad(p.month + 1)}/${pad(p.day)} ${p.hms}`;
}

/** Common Log Format's `%t` (nginx `$time_local`, Apache `%t`): `20/Feb/2025:10:00:00 +0000`. */
export function commonLogTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.day)}/${MONTHS[p.month]}/${p.year}:${p.hms} +0000`;
}

/** Apache's error log: `Thu Feb 20 10:00:00.000000 2025` (microseconds). */
export function apacheErrorTime(ms: number): string {
  const p = parts(ms);
  return `${DAYS[p.weekday]} ${MONTHS[p.month]} ${pad(p.day)} ${p.hms}.${pad(p.millis * 1000, 6)} ${p.year}`;
}

/** Redis's log: `20 Feb 2025 10:00:00.000`. */
export function redisLogTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.day)} ${MONTHS[p.month]} ${p.year} ${p.hms}.${pad(p.millis, 3)}`;
}

/** Python http.server's `log_date_time_string`: `20/Feb/2025 10:00:00`. */
export function pythonLogTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.day)}/${MONTHS[p.month]}/${p.year} ${p.hms}`;
}
