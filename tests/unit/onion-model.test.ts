import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/runtime/server-result.ts';
import { buildOnion, hasLayers, layerEventWords } from '../../src/lesson/onion/model.ts';

// The onion's steps from real traces: each fixture stack (tests/python/onion/stacks) is served by the
// core under CPython now, so the model is tested against what the core records today.
function events(spec: string, target = '/', headers = ''): TraceEvent[] {
  const out = execFileSync('python3', ['tests/python/onion/dump_events.py', spec, target, headers], { encoding: 'utf8' });
  return JSON.parse(out) as TraceEvent[];
}

describe('onion steps', { timeout: 60_000 }, () => {
  it('walks inward then outward, with each step on its line', () => {
    const trace = events('factory_and_class:app', '/?name=Ada');
    const onion = buildOnion(trace);
    expect([...onion.layers.values()].map((l) => l.name)).toEqual(['NameFromQuery', 'add_header', 'greeter']);
    expect(onion.roots).toEqual([0]);
    const texts = onion.steps.map((s) => s.text);
    expect(texts[0]).toBe('The server calls the app with environ and start_response.');
    expect(texts[1]).toBe('NameFromQuery receives the request.');
    expect(texts[2]).toContain("NameFromQuery calls inward, to add_header (name='X-Layer', value='add_header'). Before that it changed environ: added greet.name = 'Ada'");
    expect(texts.find((t) => t.startsWith("add_header (name='X-Layer', value='add_header') calls start_response"))).toContain('+ X-Layer: add_header');
    expect(onion.steps.map((s) => s.dir[0]).join(''), texts.join('\n')).toMatch(/^i+o+$/);
    for (const step of onion.steps.filter((s) => s.layer !== null && s.line !== null)) {
      const matching = trace.filter((e) => e.layer === step.layer && e.line === step.line);
      expect(matching.length, step.text).toBeGreaterThan(0);
    }
    expect(onion.steps.at(-1)!.text).toMatch(/^The server has sent the response: \d+ bytes, complete\.$/);
  });

  it('notes a short-circuit, the timing pitfall and a close() not passed on', () => {
    const auth = buildOnion(events('auth:app'));
    expect(auth.steps.map((s) => s.note).filter(Boolean)).toEqual(['Short-circuit: require_token (token=\'s3cret\') answered without calling inward.']);
    const streamed = buildOnion(events('streamed:app'));
    const timing = streamed.steps.find((s) => s.text.startsWith('timing returns'))!;
    expect(timing.note).toMatch(/^The body is not produced yet: it takes another \d+ ms, while the server reads it\./);
    const chunks = streamed.steps.filter((s) => s.text.includes('body produces'));
    expect(chunks.every((c) => c.t > timing.t)).toBe(true);
    const noClose = buildOnion(events('no_close:app'));
    expect(noClose.steps.map((s) => s.note)).toContain('upper does not pass close() on to inner’s body.');
  });

  it('shows the tab only when a layer wraps the app or answers itself', () => {
    expect(hasLayers(events('one_function:app'))).toBe(false);
    expect(hasLayers(events('router:app', '/hello'))).toBe(true);
    expect(hasLayers(events('auth:app'))).toBe(true);
  });

  it('gives the Timeline the same words for each layer event, none for the records', () => {
    const trace = events('router:app', '/hello');
    const words = layerEventWords(trace);
    const layerEvents = trace.filter((e) => e.layer !== undefined && e.type !== 'layer_summary');
    expect(layerEvents.map((e) => words.get(e))).toEqual(buildOnion(trace).steps.filter((s) => s.layer !== null).map((s) => s.text));
    expect(trace.filter((e) => e.type === 'layer_summary').some((e) => words.has(e))).toBe(false);
  });

  it('names a caught exception and one let through', () => {
    const caught = buildOnion(events('errors:caught')).steps.map((s) => s.text);
    expect(caught).toContain('An exception leaves broken: it did not catch it.');
    expect(caught.find((t) => t.startsWith('catch_errors returns'))).toContain('It caught KeyError from inside and answered instead.');
  });
});
