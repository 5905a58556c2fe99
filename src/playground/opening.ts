/**
 * Which workspace the page's URL names: a share link's own workspace (by the link's id), else the
 * reader's own playground; its saved copy when there is one; and what the banner says about it.
 */
import { decodeShare } from './share.ts';
import { loadState, workspaceKey, type PlaygroundState } from './workspaces.ts';

export interface Opened {
  key: string;
  /** The revision the page's next save builds on. */
  rev: number;
  state: PlaygroundState;
  /** True for a share link's workspace. */
  shared: boolean;
  /** The banner's words (none for the reader's own playground, read without trouble). */
  banner: (string | HTMLElement)[];
}

/** Open the workspace `hash` names; `fresh` is the starting example. */
export async function openFromUrl(hash: string, pathname: string, fresh: PlaygroundState): Promise<Opened> {
  let state = fresh;
  let banner: (string | HTMLElement)[] = [];
  let link: Awaited<ReturnType<typeof decodeShare>> = null;
  try {
    link = await decodeShare(hash);
    if (link) {
      const { files, request, mode } = link.work;
      state = { files, active: Object.keys(files)[0], request, mode, appSpec: 'app:app' };
      const back = Object.assign(document.createElement('a'), { href: pathname, textContent: 'Back to my own playground' });
      banner = ['You opened a share link: this is its own workspace. Nothing has run yet; click Run when you are ready. Your own playground is saved separately and was not changed. ', back];
    }
  } catch (err) {
    banner = [`${(err as Error).message} Your own playground is shown instead.`];
  }
  const key = workspaceKey(link?.id ?? null);
  const saved = loadState(key);
  if (saved && 'damaged' in saved) {
    banner.push(` The copy kept in this browser could not be read (${saved.damaged}), so ${link ? 'the link’s own files are' : 'the starting example is'} shown; it replaces the damaged copy when you edit.`);
  } else if (saved) state = saved.state;
  return { key, rev: saved?.rev ?? 0, state, shared: Boolean(link), banner };
}
