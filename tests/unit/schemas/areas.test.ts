import { describe, expect, it } from "vitest";
import { AREA_LABELS, areaLabel, areaRank, NOTE_AREAS } from "@/app/lib/schemas/areas";
import { NOTE_AREAS as CONTENT_AREAS } from "@/app/lib/schemas/content";

describe("the one list of areas", () => {
  it("labels every area, and shows an unknown one as it is stored", () => {
    expect(NOTE_AREAS.map(areaLabel)).toEqual(NOTE_AREAS.map((a) => AREA_LABELS[a]));
    expect(areaLabel("clip-family")).toBe("CLIP family");
    expect(areaLabel("robotics")).toBe("robotics");
  });
  it("sorts areas in the list's order, unknown ones last", () => {
    expect(["video", "robotics", "concepts"].sort((a, b) => areaRank(a) - areaRank(b))).toEqual(["concepts", "video", "robotics"]);
  });
  it("is the list the content format accepts", () => {
    expect(CONTENT_AREAS).toBe(NOTE_AREAS);
  });
});
