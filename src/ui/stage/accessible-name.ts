// WCAG 2.5.3 "Label in Name": a control's accessible name must contain the words it shows, so a
// voice-control user who says what they see ("click dockerd") reaches it. A stage node shows a short
// label (`dockerd`, a clipped `student/we…`, a tag `v1`) and describes itself at length for a screen
// reader (`Docker daemon on laptop: 2 images, 0 containers`); when the description does not already
// contain the label's words in order, the name starts with the label.

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Words as a screen reader's word navigation splits them (punctuation is a word of its own). */
function words(text: string): string[] {
  return [...segmenter.segment(text.toLowerCase())].map((s) => s.segment.trim()).filter(Boolean);
}

function containsInOrder(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
}

/** The accessible name of a node that shows `label` and is described by `description`. */
export function accessibleName(label: string, description: string): string {
  const shown = words(label);
  if (shown.length === 0 || containsInOrder(words(description), shown)) return description;
  return `${label}: ${description}`;
}
