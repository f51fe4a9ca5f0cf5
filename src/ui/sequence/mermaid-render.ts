// Mermaid, loaded the first time a diagram is shown (its chunks are most of the page's weight) and
// initialised once per theme. Each render gets a fresh element id, as Mermaid requires.
type Mermaid = typeof import('mermaid').default;

let loading: Promise<Mermaid> | undefined;
let initialisedFor: string | undefined;
let renders = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

/** The diagram as SVG markup (Mermaid sanitises labels with its strict security level). */
export async function renderDiagram(text: string, dark: boolean): Promise<string> {
  const mermaid = await loadMermaid();
  const theme = dark ? 'dark' : 'default';
  if (initialisedFor !== theme) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme, sequence: { useMaxWidth: false } });
    initialisedFor = theme;
  }
  const { svg } = await mermaid.render(`dockyard-sequence-${++renders}`, text);
  return svg;
}
