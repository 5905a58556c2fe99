/** What LiveEditor.astro tells its script, as JSON inside the editor's element. */
import type { ServerMode } from '../../runtime/client.ts';
import type { RequestPreset } from '../../workspace/index.ts';

export interface EditorConfig {
  /** The example's name (its file name without .py): the storage key and the label. */
  name: string;
  /** The workspace file the code is saved as and run from: "app.py" for requests. */
  file: string;
  /** The lesson's code: read from the highlighted copy in the page (lessonCode), not from the JSON. */
  original: string;
  run: 'request' | 'script' | 'asgi';
  /** run="asgi": the WebSocket client's messages (null: an HTTP request). */
  websocket?: string[] | null;
  mode: ServerMode;
  appSpec: string;
  request?: RequestPreset;
  presets: RequestPreset[];
}

/** The config of one editor element. */
export function readConfig(section: HTMLElement): EditorConfig {
  const json = section.querySelector('script[data-config]')?.textContent;
  if (!json) throw new Error('LiveEditor: its config script is missing; render it with LiveEditor.astro.');
  const config = JSON.parse(json) as Omit<EditorConfig, 'original'>;
  return { ...config, original: lessonCode(section) };
}

/** The lesson's code as the build highlighted it: the text of the code element (lines joined by newlines). */
export function lessonCode(section: HTMLElement): string {
  const code = section.querySelector('[data-code-host] pre code') ?? section.querySelector('[data-code-host] pre');
  if (!code) throw new Error('LiveEditor: its highlighted code is missing; render it with LiveEditor.astro.');
  return code.textContent ?? '';
}
