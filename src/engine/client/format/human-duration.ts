// How long ago, the way the docker CLI says it (go-units `HumanDuration`, plus " ago"): the
// CREATED column of `docker images`, `docker ps`, `docker history`. Seconds and minutes round
// down, hours round to the nearest, and the unit changes where go-units changes it:
//
//   Less than a second · 1 second · 42 seconds · About a minute · 5 minutes · About an hour ·
//   3 hours (until 48) · 4 days (until 2 weeks) · 3 weeks (until 2 months) · 21 months (until 2
//   years) · 3 years

/** go-units HumanDuration of `ms` milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}

/** `21 months ago`: the time since `then` (ms since the epoch) as of `now`. */
export function timeAgo(then: number, now: number): string {
  return `${humanDuration(now - then)} ago`;
}
