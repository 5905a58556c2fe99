import { describe, expect, it } from 'vitest';
import { buildSpec, clampControl, workspace, type ConcurrencyConfig } from '../../src/lesson/concurrency/config.ts';
import { axisEnd, fmt, loopRows, niceCeil, poolLanes, queueSteps, ticks } from '../../src/lesson/concurrency/lanes.ts';
import type { ServerRun, SimulatedRequest } from '../../src/runtime/simulation-result.ts';

const config: ConcurrencyConfig = {
  name: 'v', slowPath: '/slow', fastPath: '/', pattern: 'even', seed: 1, timeout: 30,
  pool: { file: 'slow_greeter.py', original: 'app = 1', callable: 'app' },
  loop: { file: 'asgi_slow.py', original: 'app = 2', callable: 'app' },
};

function req(id: number, path: string, at: number, start: number, end: number, worker?: number): SimulatedRequest {
  return {
    id, method: 'GET', path, at, start, end, wait: start - at, latency: end - at, outcome: 'complete', status: '200 OK',
    body_bytes: 0, body_preview: '', segments: [], violations: [], warnings: [], error: null, stdout: '', worker,
  };
}

function run(server: 'pool' | 'loop', requests: SimulatedRequest[], extra: Partial<ServerRun> = {}): ServerRun {
  return {
    server, clock: 'virtual', settings: {}, error: null, requests, queue: [[0, 0]], in_flight: [], throughput: [],
    metrics: null, log: [], real: null, ...extra,
  };
}

describe('the view\'s workload spec', () => {
  it('turns the controls into run_spec\'s spec for both servers', () => {
    expect(buildSpec(config, { workers: 4, rate: 2.5, slowPercent: 35, requests: 60 })).toEqual({
      generate: { requests: 60, rate: 2.5, slow_share: 0.35, slow_path: '/slow', fast_path: '/', pattern: 'even', seed: 1 },
      pool: { app_spec: 'slow_greeter:app', workers: 4, timeout: 30 },
      loop: { app_spec: 'asgi_slow:app' },
    });
  });

  it('clamps controls to their bounds and falls back when a field is not a number', () => {
    expect(clampControl('workers', 99, 2)).toBe(16);
    expect(clampControl('workers', 2.6, 2)).toBe(3);
    expect(clampControl('rate', 0, 4)).toBe(0.5);
    expect(clampControl('requests', Number.NaN, 40)).toBe(40);
  });

  it('runs the reader\'s code, or the lesson\'s where they changed nothing', () => {
    expect(workspace(config, { 'asgi_slow.py': 'edited' })).toEqual({ 'slow_greeter.py': 'app = 1', 'asgi_slow.py': 'edited' });
  });
});

describe('the timeline layout', () => {
  it('ends the shared axis on a round tick past every request and stall', () => {
    const pool = run('pool', [req(0, '/', 0, 0, 12.3)]);
    const loop = run('loop', [req(0, '/', 0, 0, 1)], { loop: { startup: { end: 0, stdout: '', segments: [] }, blocked: [{ kind: 'sleep', call: 'time.sleep(2)', start: 13, end: 15.2 }], blocked_total: 2.2 } });
    expect(axisEnd([pool, loop])).toBe(16);
    expect(niceCeil(24.75)).toBe(25);
    expect(ticks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(4)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
  });

  it('puts each pool worker\'s requests in its own lane', () => {
    const r = [req(0, '/slow', 0, 0, 2, 0), req(1, '/', 0.25, 0.25, 0.25, 1), req(2, '/', 0.5, 0.5, 0.5, 1)];
    const lanes = poolLanes(run('pool', r, { workers: [
      { index: 0, boots: [], busy: [{ request: 0, start: 0, end: 2 }] },
      { index: 1, boots: [], busy: [{ request: 1, start: 0.25, end: 0.25 }, { request: 2, start: 0.5, end: 0.5 }] },
    ] }), '/slow');
    expect(lanes.map((l) => [l.label, l.bars.map((b) => [b.request, b.slow])])).toEqual([
      ['Worker 1', [[0, true]]], ['Worker 2', [[1, false], [2, false]]],
    ]);
  });

  it('packs the loop\'s overlapping requests into separate rows, and reuses a row once it is free', () => {
    const r = [req(0, '/slow', 0, 0, 2), req(1, '/slow', 0.5, 0.5, 2.5), req(2, '/', 1, 1, 1), req(3, '/', 3, 3, 3)];
    const rows = loopRows(run('loop', r), '/slow');
    expect(rows.map((row) => row.map((b) => b.request))).toEqual([[0, 3], [1], [2]]);
  });

  it('extends the queue\'s last level to the end of the axis', () => {
    expect(queueSteps(run('pool', [], { queue: [[0, 0], [1, 3], [4, 0]] }), 10)).toEqual([[0, 0], [1, 3], [4, 0], [10, 0]]);
  });

  it('writes seconds the way the tables show them', () => {
    expect([fmt(2), fmt(0.25), fmt(5.333334), fmt(null)]).toEqual(['2 s', '0.25 s', '5.333 s', '—']);
  });
});
