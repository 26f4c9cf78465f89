/**
 * Which scripts run in a page's long tasks: a CPU profile of one load (CDP `Profiler`, sampled
 * every 200 µs) with each sample's self time put in the long task it falls in and charged to
 * the script its function lives in. `bench:note-page -- --profile` prints it for one extra,
 * untimed load of each page (the profiler slows the page a little, so it is never one of the
 * timed runs).
 *
 * The profile's clock (monotonic µs) is matched to the page's `performance.now()` by reading
 * both at the end: `now` is read just before `Profiler.stop`, whose profile ends there. The
 * offset is off by one protocol round trip (a few ms at 4× CPU), which is small against a
 * long task (≥ 50 ms).
 */
import type { CDPSession, Page } from "playwright-core";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string } };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type TaskProfile = {
  /** The long task: start and duration on the page's clock (ms). */
  start: number;
  duration: number;
  /** Self time (ms) by script (its path) or by the engine's own entries ("(program)", "(garbage collector)"). */
  by: [string, number][];
};

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
}

/** Stops the profile and splits its samples over the long tasks the page observed. */
export async function stopProfile(cdp: CDPSession, page: Page, longTasks: [number, number][]): Promise<TaskProfile[]> {
  const nowMs = await page.evaluate<number>("performance.now()");
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  const offsetUs = profile.endTime - nowMs * 1000;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (node: ProfileNode | undefined): string => {
    if (!node) return "?";
    const { url, functionName } = node.callFrame;
    if (!url) return functionName ? `(${functionName.replace(/^\(|\)$/g, "")})` : "(anonymous)";
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  };
  const tasks = longTasks.map(([start, duration]) => ({ start, duration, totals: new Map<string, number>() }));
  let at = profile.startTime;
  for (const [i, nodeId] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    const next = profile.timeDeltas[i + 1] ?? 0;
    const pageMs = (at - offsetUs) / 1000;
    const task = tasks.find((t) => pageMs >= t.start && pageMs < t.start + t.duration);
    if (!task) continue;
    const name = label(nodes.get(nodeId));
    if (name === "(idle)") continue;
    task.totals.set(name, (task.totals.get(name) ?? 0) + next / 1000);
  }
  return tasks.map((t) => ({ start: t.start, duration: t.duration, by: [...t.totals].sort((a, b) => b[1] - a[1]) }));
}

/** One line a long task (its top scripts), then the sum over all of them by script. */
export function printTaskProfile(label: string, tasks: TaskProfile[], from: number): void {
  const shown = tasks.filter((t) => t.start + t.duration > from);
  console.log(`\n  ${label}: ${shown.length} long task(s) after FCP, profiled (one untimed load with the CPU profiler on)`);
  const sum = new Map<string, number>();
  for (const t of shown) {
    const top = t.by.slice(0, 4).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(", ");
    console.log(`    at ${t.start.toFixed(0).padStart(6)} ms, ${t.duration.toFixed(0).padStart(4)} ms: ${top || "(no sample)"}`);
    for (const [name, ms] of t.by) sum.set(name, (sum.get(name) ?? 0) + ms);
  }
  const total = [...sum].sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (total.length) console.log(`    in all long tasks: ${total.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(", ")}`);
}
