// Request bodies of the network and volume endpoints, decoded as moby's httputils.ReadJSON does:
// an empty body is `invalid JSON: got EOF while reading request body`, text that is not JSON is
// `invalid JSON: …`, and anything but an object is Go's unmarshal complaint — all 400s.
import { fromUtf8 } from '../../bytes';
import { readBody, type WireRequest } from '../../wire/message';
import { DaemonError } from './errors';

export async function readJsonObject(
  req: WireRequest,
  goType: string,
  allowEmpty = false,
): Promise<Record<string, unknown>> {
  const text = fromUtf8(await readBody(req.body)).trim();
  if (text === '') {
    if (allowEmpty) return {};
    throw DaemonError.invalidParameter('invalid JSON: got EOF while reading request body');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw DaemonError.invalidParameter(`invalid JSON: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const kind = Array.isArray(raw) ? 'array' : raw === null ? 'null' : typeof raw;
    throw DaemonError.invalidParameter(`invalid JSON: json: cannot unmarshal ${kind} into Go value of type ${goType}`);
  }
  return raw as Record<string, unknown>;
}

/** A string map field (Labels, Options), or undefined; a wrong type is Go's 400. */
export function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw DaemonError.invalidParameter(
      `invalid JSON: json: cannot unmarshal into Go struct field ${field} of type map[string]string`,
    );
  }
  return value as Record<string, string>;
}
