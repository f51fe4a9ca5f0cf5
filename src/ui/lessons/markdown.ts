// Lesson prose to HTML: `marked` renders the markdown, DOMPurify removes anything that could run
// (scripts, event handlers, javascript: links) before it reaches the page. Links open in a new tab.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, async: false });

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'] });
}
