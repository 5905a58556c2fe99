/**
 * The event-loop workload for an ASGI exercise check: its request once, or `concurrent_requests`
 * copies all arriving at t = 0. Shared by the browser and the Pyodide content test.
 */
export interface CheckRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface WorkloadRequest {
  at: number;
  method: string;
  path: string;
  headers: [string, string][];
  body: string;
}

/** The requests the loop simulation serves for one check. */
export function checkWorkload(request: CheckRequest, workload?: { concurrent_requests: number }): { requests: WorkloadRequest[] } {
  const one: WorkloadRequest = {
    at: 0,
    method: request.method,
    path: request.path,
    headers: Object.entries(request.headers ?? {}),
    body: request.body ?? '',
  };
  return { requests: Array.from({ length: workload?.concurrent_requests ?? 1 }, () => ({ ...one })) };
}
