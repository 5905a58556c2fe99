/** What LiveEditor.astro tells its script, as JSON inside the editor's element. */
import type { RequestPreset, ServerMode } from '../../workspace/index.ts';

export interface EditorConfig {
  /** The example's name (its file name without .py): the storage key and the label. */
  name: string;
  /** The workspace file the code is saved as and run from: "app.py" for requests. */
  file: string;
  run: 'request' | 'script' | 'asgi';
  /** run="asgi": the WebSocket client's messages (null: an HTTP request). */
  websocket?: string[] | null;
  mode: ServerMode;
  appSpec: string;
  request?: RequestPreset;
  presets: RequestPreset[];
}
