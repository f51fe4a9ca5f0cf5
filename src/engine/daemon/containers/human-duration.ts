// How long ago, in the words Docker prints: go-units `HumanDuration`, which the daemon uses for a
// container's STATUS (`Up 5 minutes`, `Exited (0) 3 seconds ago`) and the CLI for CREATED
// (`2 hours ago`). It rounds down in seconds and minutes, to the nearest hour above that, and
// switches unit at the thresholds go-units chose:
//
//   < 1 s   Less than a second        < 60 min  N minutes            < 2 weeks   N days
//   1 s     1 second                  ~ 1 h     About an hour        < 2 months  N weeks
//   < 60 s  N seconds                 < 48 h    N hours              < 2 years   N months
//   ~ 1 min About a minute                                           else        N years

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
