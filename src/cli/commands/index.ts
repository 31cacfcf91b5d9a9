import { buildCommand } from "./build.js";
import { doctorCommand } from "./doctor.js";
import { initCommand } from "./init.js";
import { previewCommand } from "./preview.js";
import { publishCommand } from "./publish.js";
import { runCommand } from "./run.js";
import { sendCommand } from "./send.js";
import { statusCommand } from "./status.js";
import { validateCommand } from "./validate.js";
import { verifyCommand } from "./verify.js";
import { viewsCommand } from "./views.js";

/** Every sub-command, in the order of the monthly cycle. */
export const commands = [
  validateCommand,
  buildCommand,
  viewsCommand,
  previewCommand,
  sendCommand,
  runCommand,
  publishCommand,
  statusCommand,
  verifyCommand,
  doctorCommand,
  initCommand,
];
