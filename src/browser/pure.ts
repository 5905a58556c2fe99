/**
 * The Browser's requests without the DOM or the tab's stylesheet: a request's bytes as Chromium
 * composes them for the app's page (`requestBytes`), for a surface that opens the Browser tab with a
 * request of its own (the capstone's "Click through your app", lesson/exercise/browse.ts).
 */
export { requestBytes } from './request.ts';
