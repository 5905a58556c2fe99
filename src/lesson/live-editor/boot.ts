/**
 * The only LiveEditor code that loads with the page (a few hundred bytes): it waits. The editor's
 * controller loads when the reader first touches an editor (or, after the load event, when saved
 * work must be restored); Monaco loads when they click or focus the code; Python starts after the
 * load event when an editor nears the viewport and the browser is idle (python.ts decides), or at
 * once for a returning reader whose browser has Python cached (warm-start.ts); on those visits the
 * worker itself was already started by the page head (runtime/early-start-script.ts) and is adopted.
 */
import type { LiveEditorController } from './controller.ts';
import { damagedWork, readWork, workKey } from './saved-work.ts';
import { pythonStartedBefore } from './warm-start.ts';

const controllers = new WeakMap<HTMLElement, Promise<LiveEditorController>>();

function controllerFor(section: HTMLElement): Promise<LiveEditorController> {
  let made = controllers.get(section);
  if (!made) {
    made = import('./controller.ts').then(({ LiveEditorController }) => new LiveEditorController(section));
    controllers.set(section, made);
  }
  return made;
}

function wire(section: HTMLElement) {
  const host = section.querySelector<HTMLElement>('[data-code-host]')!;
  const open = () => { void controllerFor(section).then((c) => c.openEditor()); };
  host.addEventListener('focusin', open);
  host.addEventListener('pointerdown', open);
  section.addEventListener('click', (event) => {
    if (controllers.has(section)) return; // the controller handles its own clicks
    // The first click on a button builds the controller, then is replayed so it handles it.
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (button) void controllerFor(section).then(() => button.click());
  });
  const first = () => { if (!controllers.has(section)) void controllerFor(section).then((c) => c.noteInput()); };
  section.addEventListener('input', first);
  section.addEventListener('change', first);
  section.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !controllers.has(section)) {
      event.preventDefault();
      void controllerFor(section).then((c) => c.run());
    }
  });
}

const sections = [...document.querySelectorAll<HTMLElement>('[data-live-editor]')];
sections.forEach(wire);

// A returning reader: Python's files are cached, so start it now rather than after the load event.
if (sections.length && pythonStartedBefore()) void import('./python.ts').then(({ preload }) => preload());

// Another tab saved work for an editor not used here yet: build its controller, which shows it.
addEventListener('storage', (event) => {
  for (const section of sections) {
    if (!controllers.has(section) && section.dataset.name && event.key === workKey(location.pathname, section.dataset.name)) {
      void controllerFor(section);
    }
  }
});

function afterLoad() {
  for (const section of sections) {
    const name = section.dataset.name;
    if (name && readWork(workKey(location.pathname, name))) void controllerFor(section);
    const damaged = name ? damagedWork(workKey(location.pathname, name)) : null;
    // The original is shown (the damaged entry reads as nothing); say why, once.
    if (damaged) void import('./notices.ts').then(({ renderNotice }) => renderNotice(section, 'damaged', '', '', {}, damaged));
  }
  if (sections.length) void import('./run-status.ts').then(({ preloadNear }) => preloadNear(sections));
}

if (document.readyState === 'complete') afterLoad();
else addEventListener('load', afterLoad, { once: true });
