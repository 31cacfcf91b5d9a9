import { describe, expect, it } from "@jest/globals";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/io.js";

describe("semaforo command line", () => {
  it("rejects an unknown command with exit 2 and a suggestion", async () => {
    const io = captureIo();
    expect(await main(["valdate"], io)).toBe(2);
    expect(io.stderr()).toMatch(/Did you mean validate/);
  });

  it("prints help with exit 0", async () => {
    const io = captureIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout()).toContain("semaforo build");
  });

  it("views: writes the JSON on stdout and says the dataset has warnings, pointing at validate", async () => {
    const io = captureIo();
    expect(await main(["views", "--data", "fixtures/tiny", "--period", "2026-05", "--only", "PE"], io)).toBe(
      0,
    );
    const views = JSON.parse(io.stdout()) as { code: string }[];
    expect(views.map((v) => v.code)).toEqual(["PE"]);
    expect(io.stderr()).toContain(
      "the dataset has 2 warnings (none stops the reports); `semaforo validate --data fixtures/tiny` lists them.",
    );
  });
});
