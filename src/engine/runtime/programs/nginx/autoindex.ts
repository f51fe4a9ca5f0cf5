// `autoindex on;`: the directory listing nginx generates when a directory has no index file —
// a <pre> block with one link per entry (directories first), the modification time as
// `20-Feb-2025 10:00` and the size in bytes (`-` for directories), columns padded with spaces.
import type { Overlay } from '../../../layer/overlay';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function listingDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function autoindexPage(fs: Overlay, dir: string, uri: string): string {
  const entries = fs
    .readdir(dir)
    .filter((n) => !n.startsWith('.'))
    .map((name) => ({ name, st: fs.stat(`${dir.replace(/\/$/, '')}/${name}`) }));
  entries.sort((a, b) => Number(b.st.type === 'dir') - Number(a.st.type === 'dir') || (a.name < b.name ? -1 : 1));
  const rows = entries.map(({ name, st }) => {
    const shown = st.type === 'dir' ? `${name}/` : name;
    const label = shown.length > 50 ? `${shown.slice(0, 47)}..&gt;` : escapeHtml(shown);
    const pad = ' '.repeat(Math.max(1, 51 - Math.min(shown.length, 50)));
    const size = (st.type === 'dir' ? '-' : String(st.size)).padStart(20);
    return `<a href="${encodeURI(shown)}">${label}</a>${pad}${listingDate(st.mtime)}${size}\r\n`;
  });
  const title = `Index of ${escapeHtml(uri)}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<h1>${title}</h1><hr><pre><a href="../">../</a>\r\n` +
    rows.join('') +
    '</pre><hr></body>\r\n</html>\r\n'
  );
}
