import { describe, expect, it } from "@jest/globals";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writePublicFolder } from "../../src/publish/writePublicFolder.js";

describe("writePublicFolder", () => {
  it("replaces the whole folder: new files in place, stale files gone, no staging folder left", async () => {
    const period = await mkdtemp(join(tmpdir(), "semaforo-public-"));
    const target = join(period, "public");
    await mkdir(join(target, "district"), { recursive: true });
    await writeFile(join(target, "district", "999999.html"), "a district that no longer exists");
    await writeFile(join(period, "manifest.json"), "{}");

    await writePublicFolder(target, [
      { path: "index.html", content: "<!doctype html>" },
      { path: "datos/valores.csv", content: "periodo\n2026-05\n" },
    ]);

    expect((await readdir(target, { recursive: true })).sort()).toEqual([
      "datos",
      "datos/valores.csv",
      "index.html",
    ]);
    expect(await readFile(join(target, "datos", "valores.csv"), "utf8")).toBe("periodo\n2026-05\n");
    // The period folder keeps its other files and holds no leftovers.
    expect((await readdir(period)).sort()).toEqual(["manifest.json", "public"]);
  });
});
