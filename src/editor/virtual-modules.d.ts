/** Types of the virtual modules made by src/editor/monaco-css-plugin.ts. */
declare module 'virtual:monaco-css' {
  /** URL of Monaco's stylesheet in a build; null in `astro dev`. */
  export const monacoCssHref: string | null;
}
