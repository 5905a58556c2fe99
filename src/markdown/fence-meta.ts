/**
 * Parses a code fence's meta string (the text after the language), e.g.
 * ```mermaid alt="Who calls whom" caption="The server calls the app"
 * into { alt: 'Who calls whom', caption: 'The server calls the app' }.
 * Values are double-quoted; \" and \\ escape inside them. Bare words become `true`-ish "" values.
 */
export function parseFenceMeta(meta: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!meta) return out;
  // key="value with \"escapes\"" | key=bare | flag
  const pattern = /([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|([^\s"]+)))?/g;
  let rest = meta;
  for (const match of meta.matchAll(pattern)) {
    const [whole, key, quoted, bare] = match;
    out[key] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
    rest = rest.replace(whole, '');
  }
  if (/"/.test(rest)) {
    throw new Error(`unbalanced quote in code fence meta: ${meta}`);
  }
  return out;
}
