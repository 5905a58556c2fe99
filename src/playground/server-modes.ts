/**
 * The server modes the core imitates, with the version each one copies: the core's own mode classes
 * as data (src/runtime/server-modes.ts, generated from src/runtime/python/wsgisim/modes/), so the
 * selector can never disagree with what the core reports after a run.
 */
import { SERVER_MODES, type ServerModeInfo } from '../runtime/server-modes.ts';

export type { ServerModeInfo } from '../runtime/server-modes.ts';

/** Every mode with its version, in the order readers meet them. */
export function serverModes(): readonly ServerModeInfo[] {
  return SERVER_MODES;
}
