import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { buildChild } from "./childSender.js";
import { makeArchive, removeArchives, PERIOD } from "./makeArchive.js";

let child: ReturnType<typeof buildChild>;
beforeAll(() => {
  child = buildChild(
    "src/cli/main.ts",
    `import { main } from "./src/cli/main.js";\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
});
afterAll(() => {
  child.cleanup();
  removeArchives();
});

describe("semaforo send --dry-run | head (issue 13 item 7)", () => {
  it("ends quietly with the command's own exit code when the reader has gone (EPIPE)", async () => {
    const { out } = makeArchive();
    const process = spawn("node", [child.script, "send", "--out", out, "--period", PERIOD, "--dry-run"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the first line is written, as `head` does after its lines.
    process.stdout.destroy();
    let stderr = "";
    process.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => process.on("exit", (c) => resolve(c)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
