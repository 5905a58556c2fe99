/**
 * The only ConcurrencyView code that loads with the page (a few hundred bytes): it waits. The view's
 * controller (and with it the runtime client) loads when the reader first touches the view, or after
 * the load event when the view nears the viewport; Python starts then too, when the browser is idle
 * (the workspace's runtime decides), and the first simulation runs once Python is ready.
 */
import { afterLoad, isRunKey, lazyControllers } from '../../workspace/early.ts';

const controllers = lazyControllers((section) => import('./controller.ts').then(({ ConcurrencyController }) => new ConcurrencyController(section)));

function wire(section: HTMLElement) {
  // Before the controller exists, a Run (button, Enter in a field, Ctrl+Enter) builds it and runs.
  section.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!controllers.has(section)) void controllers.for(section).then((c) => c.run());
  });
  section.addEventListener('keydown', (event) => {
    if (isRunKey(event) && !controllers.has(section)) {
      event.preventDefault();
      void controllers.for(section).then((c) => c.run());
    }
  });
  const touch = () => { if (!controllers.has(section)) void controllers.for(section).then((c) => c.touched()); };
  section.addEventListener('change', touch);
  for (const host of section.querySelectorAll<HTMLElement>('[data-code-host]')) {
    const open = () => { if (!controllers.has(section)) void controllers.for(section).then((c) => c.openCode(host)); };
    host.addEventListener('focusin', open);
    host.addEventListener('pointerdown', open);
  }
}

const sections = [...document.querySelectorAll<HTMLElement>('[data-concurrency-view]')];
sections.forEach(wire);

afterLoad(() => {
  if (!sections.length || !('IntersectionObserver' in window)) return;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      void controllers.for(entry.target as HTMLElement).then((c) => c.nearViewport());
    }
  }, { rootMargin: '600px 0px' });
  for (const section of sections) observer.observe(section);
});
