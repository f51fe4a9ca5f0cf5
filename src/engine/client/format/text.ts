// Shortening text for table cells, as docker/cli's formatter does: `Ellipsis` cuts to a width and
// ends with `…`, so `ADD alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit` fits 45 columns.

/** Cut `text` to `width` characters, the last one being `…` when something was cut. */
export function ellipsis(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (width === 1) return chars[0] ?? '';
  if (chars.length <= width) return text;
  return chars.slice(0, width - 1).join('') + '…';
}
