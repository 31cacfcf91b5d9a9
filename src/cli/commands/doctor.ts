import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadSettings } from "../../config/settings.js";
import { findProjectRoot } from "../../findProjectRoot.js";
import { CliError, ExitCode } from "../../errors.js";
import { parseSmtpUrl } from "../../deliver/parseSmtpUrl.js";
import { findChromium } from "../../pdf/findChromium.js";
import { findTool } from "../../pdf/findTool.js";
import { defineCommand } from "../command.js";

function versionOf(path: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(path, args, { timeout: 10_000 }, (error, stdout, stderr) => {
      const text = `${stdout}\n${stderr}`.split("\n").find((line) => /\d+\.\d+/.test(line));
      resolve(error && !text ? `error: ${error.message.split("\n")[0]}` : (text ?? "").trim());
    });
  });
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** Works, but not as the settings say (e.g. a browser variable that points nowhere). */
  warning?: string;
}

/** `semaforo doctor`: what this machine has for building and sending. Exit 2 when something needed is missing. */
export const doctorCommand = defineCommand({
  command: "doctor",
  describe: "Check this machine: Chromium, fonts, PDF tools, SMTP settings, Node",
  examples: [["$0 doctor", "List what build and send will use"]],
  builder: (y) => y,
  run: async (args, io) => {
    const checks: Check[] = [];
    try {
      const chromium = findChromium();
      checks.push({
        name: "browser",
        ok: true,
        detail: `${chromium.path} (${chromium.source}) — ${await versionOf(chromium.path, ["--version"])}`,
        ...(chromium.ignored
          ? { warning: `${chromium.ignored}: using ${chromium.path} instead. Fix or unset the variable.` }
          : {}),
      });
    } catch (error) {
      const e = error as CliError;
      checks.push({ name: "browser", ok: false, detail: `${e.message} ${e.hint ?? ""}`.trim() });
    }
    const fonts = join(findProjectRoot(), "node_modules", "@fontsource", "source-sans-3", "files");
    checks.push({
      name: "fonts",
      ok: existsSync(fonts),
      detail: existsSync(fonts)
        ? `Source Sans 3 (${fonts}), embedded in every report`
        : `missing ${fonts}: run npm install`,
    });
    for (const tool of ["qpdf", "pdftotext", "pdffonts"]) {
      const path = findTool(tool);
      checks.push({
        name: tool,
        ok: true, // optional: verify falls back to a structural check without qpdf
        detail: path
          ? `${path} — ${await versionOf(path, [tool === "qpdf" ? "--version" : "-v"])}`
          : "not installed (optional)",
      });
    }
    const { smtp } = await loadSettings({ config: args.config });
    // The check send makes (parseSmtpUrl): a URL send would refuse is a failure here too, and is
    // shown only masked (maskUrl), or not at all when it cannot be read.
    let smtpProblem = smtp.missingPasswordEnv ? `${smtp.missingPasswordEnv} is not set` : undefined;
    if (smtp.url !== undefined && !smtpProblem)
      try {
        parseSmtpUrl(smtp.url, process.env);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        smtpProblem = error.message;
      }
    checks.push({
      name: "smtp",
      ok: smtpProblem === undefined,
      detail: smtp.display
        ? `${smtp.display} (from ${smtp.source})${smtpProblem ? `; ${smtpProblem}` : ""}`
        : "not set (SEMAFORO_SMTP_URL or --smtp): send writes .eml files to the period's outbox/",
    });
    const major = Number(process.versions.node.split(".")[0]);
    checks.push({
      name: "node",
      ok: major >= 20,
      detail: `${process.version}${major >= 20 ? "" : " (20 or later needed)"}`,
    });

    const ok = checks.every((c) => c.ok);
    if (args.json) io.out(JSON.stringify({ ok, checks }, null, 2));
    else
      io.out(
        checks
          .map(
            (c) =>
              `${!c.ok ? "FAIL" : c.warning ? "WARN" : "ok  "} ${c.name.padEnd(10)} ${c.detail}${c.warning ? `\n     ${"".padEnd(10)} ${c.warning}` : ""}`,
          )
          .join("\n"),
      );
    return ok ? ExitCode.ok : ExitCode.usage;
  },
});
