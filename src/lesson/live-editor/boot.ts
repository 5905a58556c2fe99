/**
 * The only LiveEditor code that loads with the page (a few hundred bytes): it waits. The editor's
 * controller loads when the reader first touches an editor (or, after the load event, when saved
 * work must be restored); Monaco loads when they click or focus the code; Python starts after the
 * load event when an editor nears the viewport and the browser is idle, or at once for a returning
 * reader whose browser has Python cached (the workspace's runtime decides).
 */
import { afterLoad, isRunKey, lazyControllers, preloadPython, pythonStartedBefore, readWork, workKey } from '../../workspace/early.ts';

const controllers = lazyControllers((section) => import('./controller.ts').then(({ LiveEditorController }) => new LiveEditorController(section)));
const keyOf = (section: HTMLElement) => workKey(location.pathname, section.dataset.name ?? '');

function wire(section: HTMLElement) {
  const host = section.querySelector<HTMLElement>('[data-code-host]')!;
  const open = () => { if (!controllers.has(section)) void controllers.for(section).then((c) => c.openEditor()); };
  host.addEventListener('focusin', open);
  host.addEventListener('pointerdown', open);
  section.addEventListener('click', (event) => {
    if (controllers.has(section)) return; // the controller handles its own clicks
    // The first click on a button builds the controller, then is replayed so it handles it.
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (button) void controllers.for(section).then(() => button.click());
  });
  const first = () => { if (!controllers.has(section)) void controllers.for(section).then((c) => c.noteInput()); };
  section.addEventListener('input', first);
  section.addEventListener('change', first);
  section.addEventListener('keydown', (event) => {
    if (isRunKey(event) && !controllers.has(section)) {
      event.preventDefault();
      void controllers.for(section).then((c) => c.run());
    }
  });
}

const sections = [...document.querySelectorAll<HTMLElement>('[data-live-editor]')];
sections.forEach(wire);

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
