/** The author tags MDX lessons use. Import from here: `import { LiveEditor } from '…/src/lesson/index.ts'`. */
export { default as LiveEditor } from './LiveEditor.astro';
export { default as RequestComposer } from './RequestComposer.astro';
export { default as ConcurrencyView } from './ConcurrencyView.astro';
export { default as OnionView } from './OnionView.astro';
export { default as Quiz } from './Quiz.astro';
export { default as Exercise } from './Exercise.astro';
export { default as CapstoneDownload } from './capstone/CapstoneDownload.astro';
export { default as Predict } from './predict/Predict.astro';
