/**
 * The only LiveEditor code that loads with the page (a few hundred bytes): it waits. The editor's
 * controller loads when the reader first touches an editor (or, after the load event, when saved
 * work must be restored); Monaco loads when they click or focus the code; Python starts after the
 * load event when an editor nears the viewport and the browser is idle, or at once for a returning
 * reader whose browser has Python cached (the workspace's runtime decides).
 */
import { afterLoad, lazySurfaces, preloadPython, pythonStartedBefore, readWork, workKey } from '../../workspace/early.ts';

const { elements: sections, controllers } = lazySurfaces('[data-live-editor]', (section) => import('./controller.ts').then(({ LiveEditorController }) => new LiveEditorController(section)));
const keyOf = (section: HTMLElement) => workKey(location.pathname, section.dataset.name ?? '');

// A returning reader: Python's files are cached, so start it now rather than after the load event.
if (sections.length && pythonStartedBefore()) preloadPython();

// Another tab saved work for an editor not used here yet: build its controller, which shows it.
addEventListener('storage', (event) => {
  for (const section of sections) if (!controllers.has(section) && event.key === keyOf(section)) void controllers.for(section);
});

afterLoad(() => {
  for (const section of sections) if (readWork(keyOf(section))) void controllers.for(section);
  if (!sections.length) return;
  void import('../../workspace/index.ts').then(({ preloadNear, reportDamaged }) => {
    // A damaged entry reads as nothing, so the original is shown: say why, once.
    for (const section of sections) reportDamaged(section, keyOf(section));
    preloadNear(sections);
  });
});
