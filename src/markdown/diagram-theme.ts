/**
 * The mermaid configuration for the pre-rendered diagrams, one per site theme.
 * Colours follow src/styles/tokens.css so a diagram sits on the page like text.
 * Changing anything here changes every diagram's hash: run `npm run diagrams`.
 */
const shared = {
  startOnLoad: false,
  securityLevel: 'strict',
  // dagre, not mermaid 12's default ELK: smaller, and the look the site was designed with.
  layout: 'dagre',
  // Plain SVG <text> labels: an <img> cannot rely on <foreignObject> HTML rendering everywhere.
  htmlLabels: false,
  flowchart: { htmlLabels: false, curve: 'basis', padding: 12 },
  sequence: { useMaxWidth: false, mirrorActors: false, actorFontSize: 15, messageFontSize: 15, noteFontSize: 15 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontSize: 16,
};

export const diagramThemes = {
  light: {
    ...shared,
    theme: 'base',
    themeVariables: {
      background: '#fdfcfa',
      primaryColor: '#e8effa',
      primaryBorderColor: '#1f5fbf',
      primaryTextColor: '#1d1f23',
      secondaryColor: '#f3ecdf',
      tertiaryColor: '#eef1f4',
      lineColor: '#4a5260',
      textColor: '#1d1f23',
      noteBkgColor: '#fff6d6',
      noteTextColor: '#1d1f23',
      actorBkg: '#e8effa',
      actorBorder: '#1f5fbf',
      signalColor: '#1d1f23',
      signalTextColor: '#1d1f23',
    },
  },
  dark: {
    ...shared,
    theme: 'base',
    themeVariables: {
      darkMode: true,
      background: '#15171b',
      primaryColor: '#1f2a3d',
      primaryBorderColor: '#7fb0ff',
      primaryTextColor: '#e7e9ec',
      secondaryColor: '#2d2719',
      tertiaryColor: '#23262c',
      lineColor: '#aeb5c0',
      textColor: '#e7e9ec',
      noteBkgColor: '#3a331b',
      noteTextColor: '#e7e9ec',
      actorBkg: '#1f2a3d',
      actorBorder: '#7fb0ff',
      signalColor: '#e7e9ec',
      signalTextColor: '#e7e9ec',
    },
  },
} as const;

export type DiagramThemeName = keyof typeof diagramThemes;
