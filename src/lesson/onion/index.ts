/**
 * What the result views use of the onion: the Onion tab (`renderOnion`, which brings onion.css with
 * it) and, from the pure step model, whether a trace has layers to draw (`hasLayers`) and the
 * timeline's words for layer events (`layerEventWords`). The panel's parts stay inside this folder.
 * Only the result views import it, lazily with them, so no page loads it (or its stylesheet) before
 * a Run.
 */
export { renderOnion } from './OnionPanel.ts';
export { hasLayers, layerEventWords } from './model.ts';
