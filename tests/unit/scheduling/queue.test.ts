import { describe, expect, it } from "vitest";

import {
  orderQueue,
  retrievability,
  SchedulingInputError,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";

import { BASE_SETTINGS, DAY } from "./helpers";

const NOW = new Date("2025-05-01T12:00:00Z");
const MIN = 60_000;

interface Item {
  id: string;
  state: StoredCardState;
}

function card(id: string, patch: Partial<StoredCardState>): Item {
  return {
    id,
    state: {
      due: NOW,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "new",
      lastReview: null,
      ...patch,
    },
  };
}

const ago = (ms: number) => new Date(NOW.getTime() - ms);
const review = (id: string, daysSinceReview: number, stability: number, dueAgo = 0) =>
  card(id, {
    state: "review",
    stability,
    difficulty: 5,
    reps: 3,
    lastReview: ago(daysSinceReview * DAY),
    due: ago(dueAgo),
  });

const learningL1 = card("L1", {
  state: "learning",
  due: ago(5 * MIN),
  reps: 1,
  lastReview: ago(6 * MIN),
  stability: 2,
  difficulty: 5,
});
const learningL2 = card("L2", {
  state: "learning",
  due: ago(20 * MIN),
  reps: 1,
  lastReview: ago(21 * MIN),
  stability: 2,
  difficulty: 5,
});
const learningSoon = card("L3", {
  state: "learning",
  due: new Date(NOW.getTime() + 5 * MIN),
  reps: 1,
  lastReview: ago(5 * MIN),
  stability: 2,
  difficulty: 5,
});
const relearning = card("R1", {
  state: "relearning",
  due: ago(MIN),
  reps: 6,
  lapses: 1,
  lastReview: ago(9 * MIN),
  stability: 1,
  difficulty: 7,
});
const reviewA = review("A", 10, 5); // t/S = 2
const reviewB = review("B", 10, 50); // t/S = 0.2
const reviewC = review("C", 3, 2); // t/S = 1.5
const notDue = review("D", 1, 30, -2 * DAY);
const fresh = ["N1", "N2", "N3", "N4", "N5"].map((id) => card(id, {}));

const ids = (items: Item[]) => items.map((item) => item.id);

describe("orderQueue", () => {
  it("shows due (re)learning cards by due time, then due reviews lowest retrievability first, then new cards in order", () => {
    const queue = orderQueue(
      {
        learning: [learningL1, learningL2, learningSoon, relearning],
        due: [reviewB, reviewA, notDue, reviewC],
        fresh,
      },
      NOW,
      BASE_SETTINGS,
      { newLeft: 3, reviewsLeft: 100 },
    );
    expect(ids(queue)).toEqual(["L2", "L1", "R1", "A", "C", "B", "N1", "N2", "N3"]);
    const rs = [reviewA, reviewC, reviewB].map((item) =>
      retrievability(item.state, BASE_SETTINGS, NOW),
    );
    expect(rs).toEqual([...rs].sort((x, y) => x - y));
    expect(new Set(rs).size).toBe(3);
  });

  it("gives the limited review slots to the cards most likely forgotten", () => {
    const queue = orderQueue(
      { learning: [], due: [reviewB, reviewC, reviewA], fresh: [] },
      NOW,
      BASE_SETTINGS,
      { newLeft: 0, reviewsLeft: 2 },
    );
    expect(ids(queue)).toEqual(["A", "C"]);
  });

  it("does not limit (re)learning cards and shows no new card when none are left", () => {
    const queue = orderQueue(
      { learning: [learningL1, relearning], due: [], fresh },
      NOW,
      BASE_SETTINGS,
      { newLeft: 0, reviewsLeft: 0 },
    );
    expect(ids(queue)).toEqual(["L1", "R1"]);
  });

  it("includes learning cards due within the learn-ahead window", () => {
    const queue = orderQueue(
      { learning: [learningSoon, learningL1], due: [], fresh: [] },
      NOW,
      BASE_SETTINGS,
      { newLeft: 0, reviewsLeft: 0, learnAheadMinutes: 10 },
    );
    expect(ids(queue)).toEqual(["L1", "L3"]);
  });

  it("sorts cards into groups by their state whatever list they came in", () => {
    const queue = orderQueue(
      { learning: [reviewA], due: [learningL1], fresh: [] },
      NOW,
      BASE_SETTINGS,
      { newLeft: 0, reviewsLeft: 10 },
    );
    expect(ids(queue)).toEqual(["L1", "A"]);
  });

  it("breaks retrievability ties by due date, then input order", () => {
    const early = review("E", 4, 4, 3 * DAY);
    const late = review("F", 4, 4, DAY);
    const twin = review("G", 4, 4, DAY);
    const queue = orderQueue(
      { learning: [], due: [late, twin, early], fresh: [] },
      NOW,
      BASE_SETTINGS,
      { newLeft: 0, reviewsLeft: 10 },
    );
    expect(ids(queue)).toEqual(["E", "F", "G"]);
  });

  it("rejects a negative limit with a named error", () => {
    expect(() =>
      orderQueue({ learning: [], due: [], fresh }, NOW, BASE_SETTINGS, {
        newLeft: -1,
        reviewsLeft: 0,
      }),
    ).toThrow(SchedulingInputError);
  });
});
