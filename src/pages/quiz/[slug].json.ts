/**
 * /quiz/<slug>.json: a phase's scrambled quick-check explanations (src/lesson/quiz/build-data.ts), a static
 * file per phase that the page fetches only once the reader checks an answer. The service worker
 * precaches it with every other built file, so it answers offline too.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { explanationsOf, shippedQuizzes, type ShippedQuiz } from '../../lesson/quiz/build-data';

export const getStaticPaths = (async () =>
  (await shippedQuizzes()).map((quiz) => ({ params: { slug: quiz.slug }, props: { quiz } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ quiz: ShippedQuiz }> = ({ props }) =>
  new Response(JSON.stringify(explanationsOf(props.quiz)), { headers: { 'Content-Type': 'application/json' } });
