/** What LiveEditor.astro tells its script, as JSON inside the editor's element. */
import type { ServerMode } from '../../runtime/client.ts';
import type { RequestPreset } from '../../workspace/index.ts';

export interface EditorConfig {
  /** The example's name (its file name without .py): the storage key and the label. */
  name: string;
  /** The workspace file the code is saved as and run from: "app.py" for requests. */
  file: string;
  /** The lesson's code. */
  original: string;
  run: 'request' | 'script';
  mode: ServerMode;
  appSpec: string;
  request?: RequestPreset;
  presets: RequestPreset[];
}

/** The config of one editor element. */
export function readConfig(section: HTMLElement): EditorConfig {
  const json = section.querySelector('script[data-config]')?.textContent;
  if (!json) throw new Error('LiveEditor: its config script is missing; render it with LiveEditor.astro.');
  return JSON.parse(json) as EditorConfig;
}
