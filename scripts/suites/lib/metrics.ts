/**
 * What the load suites measure: per endpoint, each request's latency and status, and a time
 * line of statuses (the chaos suite reads the outage and the recovery from it).
 */
import { performance } from "node:perf_hooks";

export interface Sample {
  endpoint: string;
  /** performance.now() when the request was sent and when its answer (or failure) came. */
  start: number;
  end: number;
  /** The HTTP status; for a server action, the status inside its result; 0 for a network error. */
  status: number;
  /** Which app instance answered (0, 1, …). */
  instance: number;
}

export class Metrics {
  readonly samples: Sample[] = [];
  private readonly started = performance.now();
  /** Samples before this are warm-up: kept in the time line, left out of the figures. */
  measureFrom = 0;
  measureTo = Number.POSITIVE_INFINITY;

  record(sample: Sample) {
    this.samples.push(sample);
  }

  /** Milliseconds since the suite began: the time line's clock. */
  elapsed(at = performance.now()): number {
    return at - this.started;
  }

  measured(): Sample[] {
    return this.samples.filter((s) => s.start >= this.measureFrom && s.start < this.measureTo);
  }

  serverErrors(from = 0, to = Number.POSITIVE_INFINITY): Sample[] {
    return this.samples.filter((s) => s.status >= 500 && s.start >= from && s.start < to);
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const fmt = (ms: number) => (Number.isNaN(ms) ? "-" : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

/** One line per endpoint: count, requests/s over the measured window, p50/p95/p99 (ms), statuses. */
export function endpointTable(samples: readonly Sample[], seconds: number): string {
  const byEndpoint = new Map<string, Sample[]>();
  for (const s of samples) byEndpoint.set(s.endpoint, [...(byEndpoint.get(s.endpoint) ?? []), s]);
  const rows = [...byEndpoint].sort(([a], [b]) => a.localeCompare(b));
  const header = `${"endpoint".padEnd(40)} ${"count".padStart(6)} ${"req/s".padStart(7)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} ${"5xx".padStart(5)}  statuses`;
  const lines = rows.map(([endpoint, list]) => {
    const latencies = list.map((s) => s.end - s.start).sort((a, b) => a - b);
    const statuses = new Map<number, number>();
    for (const s of list) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    const fiveXx = list.filter((s) => s.status >= 500).length;
    const statusText = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status === 0 ? "net" : status}×${n}`)
      .join(" ");
    return `${endpoint.padEnd(40)} ${String(list.length).padStart(6)} ${(list.length / seconds).toFixed(1).padStart(7)} ${fmt(percentile(latencies, 50)).padStart(6)} ${fmt(percentile(latencies, 95)).padStart(6)} ${fmt(percentile(latencies, 99)).padStart(6)} ${String(fiveXx).padStart(5)}  ${statusText}`;
  });
  const all = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  const total = `${"all".padEnd(40)} ${String(samples.length).padStart(6)} ${(samples.length / seconds).toFixed(1).padStart(7)} ${fmt(percentile(all, 50)).padStart(6)} ${fmt(percentile(all, 95)).padStart(6)} ${fmt(percentile(all, 99)).padStart(6)} ${String(samples.filter((s) => s.status >= 500).length).padStart(5)}`;
  return [header, ...lines, total].join("\n") + "\n(latencies in ms)";
}
