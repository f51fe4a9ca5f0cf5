// One line of text per trace entry, for the message log and for `npm run serve`'s live view:
//   19:31:02.123  laptop client → laptop daemon    POST /v1.50/containers/create
//   19:31:02.130  laptop daemon → laptop client    404 No such image: hello-world:latest
import { describeEndpoint, type TraceEntry } from './types';

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

export function formatTraceLine(entry: TraceEntry): string {
  const time = clockTime(entry.time);
  if (entry.kind === 'event') return `${time}  ${describeEndpoint(entry.at).padEnd(34)}  * ${entry.summary}`;
  const route = `${describeEndpoint(entry.from)} → ${describeEndpoint(entry.to)}`;
  const text = entry.kind === 'failure' ? `✗ ${entry.summary}` : entry.summary;
  return `${time}  ${route.padEnd(34)}  ${text}`;
}
