import { describe, expect, it } from "vitest";

import { orderQueue, siblingGroupOf, type StoredCardState } from "@/app/lib/domain/scheduling";

import { BASE_SETTINGS, DAY } from "./helpers";

const NOW = new Date("2025-05-01T12:00:00Z");
const BOTH = { reverse: true, cloze: true };

interface Item {
  id: string;
  state: StoredCardState;
  siblingGroup?: string | null;
}

function item(id: string, state: Partial<StoredCardState>, siblingGroup: string | null = null): Item {
  return {
    id,
    siblingGroup,
    state: {
      due: NOW, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0,
      state: "new", lastReview: null, ...state,
    },
  };
}
const fresh = (id: string, group: string | null = null) => item(id, {}, group);
/** A review card due now, last reviewed `days` ago with stability `s` (lower R: shown first). */
const review = (id: string, days: number, s: number, group: string | null = null) =>
  item(id, { state: "review", stability: s, difficulty: 5, reps: 3, lastReview: new Date(NOW.getTime() - days * DAY) }, group);
const learning = (id: string, group: string | null = null) =>
  item(id, { state: "learning", stability: 2, difficulty: 5, reps: 1, lastReview: new Date(NOW.getTime() - 60_000) }, group);

const ids = (items: Item[]) => items.map((i) => i.id);
const order = (input: { learning?: Item[]; due?: Item[]; fresh?: Item[]; answeredGroups?: Set<string> }, newLeft = 20, reviewsLeft = 200) =>
  ids(orderQueue({ learning: [], due: [], fresh: [], ...input }, NOW, BASE_SETTINGS, { newLeft, reviewsLeft }));

describe("siblingGroupOf", () => {
  const card = (key: string, type: string, back = "b") => ({ noteId: "n1", key, type, back });

  it("groups the two sides of a reverse card", () => {
    expect(siblingGroupOf(card("ln", "reverse"), BOTH)).toBe(siblingGroupOf(card("ln-rev", "reverse", "other"), BOTH));
    expect(siblingGroupOf(card("ln", "reverse"), BOTH)).not.toBe(siblingGroupOf(card("bn-rev", "reverse"), BOTH));
    expect(siblingGroupOf(card("ln", "reverse"), BOTH)).not.toBe(siblingGroupOf({ ...card("ln", "reverse"), noteId: "n2" }, BOTH));
  });

  it("groups the cloze cards of one sentence", () => {
    const sentence = "==LayerNorm== normalises over features, ==BatchNorm== over the batch.";
    expect(siblingGroupOf(card("d-cloze-layernorm", "cloze", sentence), BOTH)).toBe(
      siblingGroupOf(card("d-cloze-batchnorm", "cloze", sentence), BOTH),
    );
    expect(siblingGroupOf(card("d-cloze-a", "cloze", "one"), BOTH)).not.toBe(siblingGroupOf(card("d-cloze-b", "cloze", "two"), BOTH));
  });

  it("gives basic cards, and kinds not buried, no group", () => {
    expect(siblingGroupOf(card("q", "basic"), BOTH)).toBeNull();
    expect(siblingGroupOf(card("ln", "reverse"), { reverse: false, cloze: true })).toBeNull();
    expect(siblingGroupOf(card("c", "cloze"), { reverse: true, cloze: false })).toBeNull();
  });
});

describe("orderQueue with siblings", () => {
  it("buries the second side of a new reverse card to the next day, and fills the limit with the next card", () => {
    expect(order({ fresh: [fresh("ln", "g1"), fresh("ln-rev", "g1"), fresh("bn"), fresh("gn")] }, 3)).toEqual(["ln", "bn", "gn"]);
  });

  it("keeps the review sibling most likely forgotten and buries the other", () => {
    expect(order({ due: [review("a", 10, 20, "g"), review("b", 30, 2, "g"), review("c", 5, 5)] })).toEqual(["b", "c"]);
  });

  it("buries a card whose sibling was answered earlier today", () => {
    expect(order({ due: [review("a", 10, 20, "g")], fresh: [fresh("n", "h")], answeredGroups: new Set(["g", "h"]) })).toEqual([]);
  });

  it("never buries a (re)learning card, which buries its review and new siblings", () => {
    expect(order({ learning: [learning("l", "g")], due: [review("r", 10, 5, "g")], fresh: [fresh("n", "g")], answeredGroups: new Set(["g"]) })).toEqual(["l"]);
  });

  it("buries a new card whose review sibling is shown today", () => {
    expect(order({ due: [review("r", 10, 5, "g")], fresh: [fresh("n", "g"), fresh("m")] })).toEqual(["r", "m"]);
  });

  it("leaves the review limit to others: buried cards do not use it up", () => {
    expect(order({ due: [review("a", 30, 2, "g"), review("b", 20, 2, "g"), review("c", 10, 2)] }, 20, 2)).toEqual(["a", "c"]);
  });

  it("shows every card when no group is given (burying off)", () => {
    expect(order({ fresh: [fresh("ln"), fresh("ln-rev")] })).toEqual(["ln", "ln-rev"]);
  });

  it("never changes a buried card's state, so the next day's queue has it", () => {
    const rev = fresh("ln-rev", "g1");
    const before = structuredClone(rev.state);
    expect(order({ fresh: [fresh("ln", "g1"), rev] })).toEqual(["ln"]);
    expect(rev.state).toEqual(before);
    expect(order({ fresh: [rev] })).toEqual(["ln-rev"]);
  });
});
