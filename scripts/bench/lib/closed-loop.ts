/**
 * Other users' requests while an import runs: one client per URL, each sending its next request
 * as soon as the last one answered (a closed loop), every latency kept with its start time so
 * a window (the import's) can be cut out afterwards.
 */
import { performance } from "node:perf_hooks";
import { ms, percentile } from "./bench-db";

export interface Sample {
  startedAt: number;
  latencyMs: number;
  status: number;
}

export interface ClosedLoop {
  /** Stops the clients and returns every sample per label. */
  stop: () => Promise<Map<string, Sample[]>>;
}

export function startClosedLoop(targets: { label: string; url: string; cookie: string }[]): ClosedLoop {
  let stopped = false;
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.label, []]));
  const client = async (target: (typeof targets)[number]) => {
    const list = samples.get(target.label) ?? [];
    while (!stopped) {
      const startedAt = performance.now();
      const response = await fetch(target.url, { headers: { Cookie: target.cookie } });
      // The whole body: a page that streams its end late is slow for its reader too.
      await response.arrayBuffer();
      list.push({ startedAt, latencyMs: performance.now() - startedAt, status: response.status });
    }
  };
  const running = targets.map(client);
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(running);
      return samples;
    },
  };
}

/**
 * `label  n 123  p50 … p95 … p99 … max …` for the samples that started inside [from, to].
 * A request caught by the window's end is counted (its latency is what the user waited).
 */
export function windowLine(label: string, samples: readonly Sample[], from: number, to: number): string {
  const inside = samples.filter((s) => s.startedAt >= from && s.startedAt <= to);
  const sorted = inside.map((s) => s.latencyMs).sort((a, b) => a - b);
  const bad = inside.filter((s) => s.status !== 200).length;
  const cell = (name: string, value: number) => `${name} ${ms(value).padStart(9)}`;
  return [
    label.padEnd(34),
    `n ${String(inside.length).padStart(5)}`,
    cell("p50", percentile(sorted, 50)),
    cell("p95", percentile(sorted, 95)),
    cell("p99", percentile(sorted, 99)),
    cell("max", sorted[sorted.length - 1] ?? NaN),
    bad ? `  (${bad} not 200)` : "",
  ].join("  ");
}
