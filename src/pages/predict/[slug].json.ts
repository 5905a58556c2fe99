/**
 * /predict/<slug>.json: the explanations of a phase's predict-then-run questions
 * (src/lesson/predict/build-data.ts), fetched by the page only after a question has run.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { explanationsOf, shippedPredictions, type ShippedPrediction } from '../../lesson/predict/build-data';

export const getStaticPaths = (async () => {
  const all = await shippedPredictions();
  const slugs = [...new Set(all.map((q) => q.slug))];
  return slugs.map((slug) => ({ params: { slug }, props: { questions: all.filter((q) => q.slug === slug) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ questions: ShippedPrediction[] }> = ({ props }) =>
  new Response(JSON.stringify(explanationsOf(props.questions)), { headers: { 'Content-Type': 'application/json' } });
