/**
 * The request composer: RequestComposer.astro's form (method, target, headers, body, or raw HTTP) with
 * presets and "Copy as curl", `Composer` to wire it, and the request state it edits, as bytes to send.
 * Surfaces get it from the workspace (src/workspace/index.ts); the pure state functions need no DOM.
 */
export { Composer } from './composer.ts';
export { fromPreset, parseRawText, presetLabel, requestBytes, toCurl, toRawText, type RequestPreset, type RequestState } from './request-state.ts';
