/**
 * The retention simulation off the page's thread: a year of the user's cards simulated at each
 * desired retention in turn, each result posted as it is ready (the page's progress bar), then
 * the least-work point. The page cancels by terminating the worker.
 */
import {
  minimumWorkloadPoint,
  simulateRetention,
  SIMULATED_RETENTIONS,
  type RetentionPoint,
  type RetentionSimulationInput,
} from "@/app/lib/domain/scheduling/simulate-retention";

export type SimulationMessage =
  | { type: "point"; point: RetentionPoint }
  | { type: "done"; best: RetentionPoint | null }
  | { type: "failed" };

const post = (message: SimulationMessage) => postMessage(message);

addEventListener("message", (event: MessageEvent<RetentionSimulationInput>) => {
  const points: RetentionPoint[] = [];
  try {
    for (const retention of SIMULATED_RETENTIONS) {
      const point = simulateRetention(event.data, retention);
      points.push(point);
      post({ type: "point", point });
    }
    post({ type: "done", best: minimumWorkloadPoint(points) });
  } catch {
    post({ type: "failed" });
  }
});
