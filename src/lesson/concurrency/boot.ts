/**
 * The only ConcurrencyView code that loads with the page (a few hundred bytes): it waits. The view's
 * controller (and with it the runtime client) loads when the reader first touches the view, or after
 * the load event when the view nears the viewport; Python starts then too, when the browser is idle
 * (the workspace's runtime decides), and the first simulation runs once Python is ready.
 */
import { afterLoad, lazySurfaces } from '../../workspace/early.ts';

const { elements: sections, controllers } = lazySurfaces('[data-concurrency-view]', (section) => import('./controller.ts').then(({ ConcurrencyController }) => new ConcurrencyController(section)));

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
