/** The example requests offered in the playground's composer (the starter app answers /hello). */
import type { RequestPreset } from '../workspace/index.ts';

export const PRESETS: RequestPreset[] = [
  'GET /hello?name=Ada',
  'GET /',
  { label: 'POST /echo with a JSON body', method: 'POST', target: '/echo', headers: [['Content-Type', 'application/json']], body: '{"greeting": "hi"}' },
  'DELETE /hello',
];
