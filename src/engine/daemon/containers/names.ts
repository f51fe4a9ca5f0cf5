// Container names. A name is unique on its daemon, stored with a leading slash (`/web`; the CLI
// strips it), and must match moby's `validContainerNamePattern`: a letter or digit, then at least
// one more of `[a-zA-Z0-9_.-]` — so one character is too short. Without `--name`, the daemon picks
// `adjective_surname` from the namesgenerator lists, never `boring_wozniak` ("Steve Wozniak is not
// boring"); when that name is taken it tries again with a digit appended (`nostalgic_hopper3`), and
// after six failures falls back to the short ID.
import { DaemonError } from '../api/errors';
import type { IdSource } from './ids';
import { ADJECTIVES, SURNAMES } from './name-words';

/** moby's RestrictedNameChars, as its error message quotes it. */
export const RESTRICTED_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
const validName = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** A name as given (`web` or `/web`), checked and stored with its slash; 400 when invalid. */
export function normaliseName(name: string): string {
  if (!validName.test(name)) {
    throw DaemonError.invalidParameter(`Invalid container name (${name}), only ${RESTRICTED_NAME_CHARS} are allowed`);
  }
  return name.startsWith('/') ? name : `/${name}`;
}

/** The 409 when a name is taken: Docker's wording, with the full ID of the holder. */
export function nameConflict(name: string, holderId: string): DaemonError {
  return DaemonError.conflict(
    `Conflict. The container name "${name}" is already in use by container "${holderId}". You have to remove (or rename) that container to be able to reuse that name.`,
  );
}

/** namesgenerator.GetRandomName(retry): `adjective_surname`, with a digit 0–9 appended when retrying. */
export function randomName(ids: IdSource, retry: number): string {
  for (;;) {
    const name = `${ADJECTIVES[ids.nextInt(ADJECTIVES.length)]}_${SURNAMES[ids.nextInt(SURNAMES.length)]}`;
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? `${name}${ids.nextInt(10)}` : name;
  }
}

/** A free generated name (with its slash) for the container `id`; `taken` says whether a name is in use. */
export function generateName(ids: IdSource, id: string, taken: (name: string) => boolean): string {
  for (let retry = 0; retry < 6; retry++) {
    const name = `/${randomName(ids, retry)}`;
    if (!taken(name)) return name;
  }
  return `/${id.slice(0, 12)}`;
}
