// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('lesson prose', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('Watch the **daemon** ask `docker.io`.')).toBe(
      '<p>Watch the <strong>daemon</strong> ask <code>docker.io</code>.</p>\n',
    );
  });

  it('removes what could run', () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });
});
