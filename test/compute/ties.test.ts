import { describe, expect, it } from "@jest/globals";
import { countTied, rankUnits, tieCut } from "../../src/compute/rankUnits.js";
import { makeDataset, makeDistrict, makeResult, makeTarget } from "../helpers/builders.js";
import { indicatorOf } from "./support.js";

const unit = (code: string, value: number) => ({ code, name: `U ${code}`, value, rankable: true });

describe("ties told (rankUnits: countTied, tieCut)", () => {
  // 12 units at 100.0 share rank 1, then 90, 80.
  const units = [
    ...Array.from({ length: 12 }, (_, i) => unit(`a${String(i).padStart(2, "0")}`, 100)),
    unit("b", 90),
    unit("c", 80),
  ];
  const result = rankUnits(units, "higher");

  it("counts the units that share a rank", () => {
    expect(countTied(result, 1)).toBe(12);
    expect(countTied(result, 13)).toBe(1);
    expect(countTied(result, 2)).toBe(0);
  });

  it("a top list that cuts a tie says how many share the rank and how many it shows", () => {
    const top = result.order.slice(0, 10);
    expect(tieCut(result, top, top[9])).toEqual({ rank: 1, tied: 12, shown: 10 });
    // A list that ends on a whole group cuts nothing.
    const all = result.order.slice(0, 13);
    expect(tieCut(result, all, all[12])).toBeNull();
    // The bottom three (worst first): c, b, then one of twelve at rank 1.
    const bottom = result.order.slice(-3).reverse();
    expect(tieCut(result, bottom, bottom[2])).toEqual({ rank: 1, tied: 12, shown: 1 });
  });
});

describe("ties in the views", () => {
  // 12 districts at 95.0 % (rank 1), one at 80.0 %: the national top 10 cuts the tie.
  const codes = Array.from({ length: 13 }, (_, i) => `0100${String(i + 1).padStart(2, "0")}`);
  const dataset = makeDataset({
    districts: codes.map((code) => makeDistrict(code)),
    targets: [makeTarget({ target: 90 })],
    results: codes.map((code, i) => makeResult({ districtCode: code, value: i === 12 ? 80 : 95 })),
  });

  it("the national top 10: '12 UGEL empatadas en el puesto 1; se muestran 10'", () => {
    const national = indicatorOf(dataset, "PE");
    expect(national.top).toHaveLength(10);
    expect(national.topTie).toBe("12 UGEL empatadas en el puesto 1; se muestran 10, por orden alfabético.");
    // The bottom 10 (worst first) ends inside the same group: 9 of the 12 shown.
    expect(national.bottomTie).toBe("12 UGEL empatadas en el puesto 1; se muestran 9, por orden alfabético.");
  });

  it("a unit's rank says with how many it is tied", () => {
    const district = indicatorOf(dataset, "010001");
    expect(district.rankNational).toMatchObject({ rank: 1, of: 13, tied: 12 });
    expect(district.rankNational?.text).toBe("Puesto 1 de 13 UGEL del país, empatada con 11 más");
    expect(indicatorOf(dataset, "010013").rankNational?.text).toBe("Puesto 13 de 13 UGEL del país");
  });
});
