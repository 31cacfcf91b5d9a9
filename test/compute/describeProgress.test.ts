import { describe, expect, it } from "@jest/globals";
import { describeProgress, progressKind } from "../../src/compute/describeProgress.js";
import { messagesOf } from "../helpers/messages.js";
import { createTranslator } from "../../src/locale/translate.js";

const es = { t: createTranslator(messagesOf("es")), locale: "es" as const };

describe("progress is printed only when it means something (describeProgress)", () => {
  it("a share from 0 % to 200 %", () => {
    expect(progressKind(0.48, 80, 85)).toBe("share");
    expect(describeProgress(es, 0.48, 80, 85)).toBe("48%");
    expect(describeProgress(es, 0, 80, 85)).toBe("0%");
    expect(describeProgress(es, 2, 80, 85)).toBe("200%");
  });

  it("a target within 1 point of the baseline: a phrase, not 787 %", () => {
    // Baseline 90.0, target 90.8: 96.3 is (96.3 − 90) / 0.8 = 787 %.
    expect(progressKind(7.875, 90, 90.8)).toBe("near-baseline");
    expect(describeProgress(es, 7.875, 90, 90.8)).toBe("meta casi igual a la línea de base");
    // Exactly 1 point apart is still "almost equal"; 1.1 is not.
    expect(progressKind(0.5, 90, 91)).toBe("near-baseline");
    expect(progressKind(0.5, 90, 91.1)).toBe("share");
    // Lower is better: the distance counts, not its sign.
    expect(progressKind(0.5, 10, 9.5)).toBe("near-baseline");
  });

  it("outside −100 % … 200 %: far behind the baseline, or more than twice the way", () => {
    expect(describeProgress(es, -10.69, 80, 85)).toBe("muy por debajo de la línea de base");
    expect(progressKind(-1, 80, 85)).toBe("behind");
    expect(describeProgress(es, -0.3, 80, 85)).toBe("Por debajo de la línea de base");
    expect(describeProgress(es, 2.01, 80, 85)).toBe("más del doble del camino a la meta");
  });

  it("no progress: a dash", () => {
    expect(progressKind(null, null, 85)).toBe("unknown");
    expect(describeProgress(es, null, null, 85)).toBe("—");
  });
});
