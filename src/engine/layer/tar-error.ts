// What goes wrong when a tar archive is read or written. One class, messages in the words Go's
// `archive/tar` and moby's `pkg/archive` use, so a student who later meets the real error recognises it:
// "unexpected EOF" for a cut-off archive, "invalid tar header checksum" for a damaged header,
// `"../etc/passwd" is outside of "/"`-style breakouts reported as "path escapes the root".

/** A tar archive (or an entry about to be written into one) is malformed or unsafe. */
export class TarError extends Error {
  override name = 'TarError';
}
