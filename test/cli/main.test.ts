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
});
