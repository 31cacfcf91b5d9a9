import { z } from "zod";
import { checkAddress } from "../rules/checkAddress.js";
import { checkSenderName, PLAIN_SENDER_ADVICE } from "../rules/sender.js";
import { teamSettingsSchema } from "../dataset/teamSettings.js";

/** Default environment variable holding the SMTP URL (SPEC: `--smtp` may also come from it). */
export const DEFAULT_SMTP_URL_ENV = "SEMAFORO_SMTP_URL";

const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name such as SEMAFORO_SMTP_PASSWORD");

/** An SMTP URL written in the config file: `smtp://user@host:587` or `smtps://host:465`, never with the password. */
const smtpUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: "is not a URL (example: smtp://user@mail.example.org:587)" });
    return;
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    ctx.addIssue({ code: "custom", message: `must start with smtp:// or smtps://, not ${url.protocol}//` });
  }
  if (url.password !== "") {
    ctx.addIssue({
      code: "custom",
      message:
        "contains a password: never write it in the config file. Remove it from the URL and set smtp.passwordEnv to the name of an environment variable that holds it (e.g. SEMAFORO_SMTP_PASSWORD)",
    });
  }
});

/** The send's own rule (checkAddress), as in dataset.json: a plain address; the display name goes in `fromName`. */
const address = z
  .string()
  .superRefine((value, ctx) => {
    const reason = checkAddress(value);
    if (reason)
      ctx.addIssue({
        code: "custom",
        message: PLAIN_SENDER_ADVICE,
      });
  })
  .meta({ format: "email" });

/** The sender's display name, as the send checks it: one header line, no quotes or backslashes. */
const fromName = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    const reason = checkSenderName(value);
    if (reason) ctx.addIssue({ code: "custom", message: `${reason}: it goes into the From header` });
  });

const points = z.number().min(0).max(100);

/**
 * `semaforo.config.json`: the operator's settings. Every key is optional; flags override them.
 * Unknown keys are errors (a typo must not be silently ignored).
 */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Path or URL of this JSON Schema, for editor completion."),
    data: z
      .string()
      .min(1)
      .optional()
      .describe("Dataset folder (relative to this file). Overridden by --data."),
    out: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Output folder, one sub-folder per period (relative to this file). Default: out. Overridden by --out.",
      ),
    smtp: z
      .strictObject({
        url: smtpUrl
          .optional()
          .describe("SMTP server URL WITHOUT the password, e.g. smtp://semaforo@mail.example.org:587."),
        urlEnv: envName
          .optional()
          .describe(
            `Environment variable holding the whole SMTP URL (default ${DEFAULT_SMTP_URL_ENV}); it wins over url.`,
          ),
        passwordEnv: envName
          .optional()
          .describe("Environment variable holding the SMTP password, inserted into the URL at send time."),
      })
      .optional()
      .describe("Where e-mails go. Without any SMTP URL, send writes .eml files into OUT/PERIOD/outbox/."),
    sms: z
      .strictObject({
        url: z
          .string()
          .regex(
            /^(smpp|https?):\/\/[^:@/]*@?[^@]*$/,
            "must be smpp://, http:// or https://, without a password",
          )
          .optional()
          .describe(
            "SMS centre or gateway WITHOUT the password: smpp://system_id@smsc.example.org:2775?source=MINEDU or https://gateway.example.org/sms. Overridden by --sms and SEMAFORO_SMS_URL.",
          ),
        passwordEnv: envName
          .optional()
          .describe("Environment variable holding the SMS password (SMPP bind, or HTTP Basic)."),
      })
      .optional()
      .describe("Where SMS go. Without any SMS URL, send writes text files into OUT/PERIOD/outbox/sms/."),
    email: z
      .strictObject({
        from: address.optional().describe("Sender address; overrides dataset.json email.from."),
        fromName: fromName.optional().describe("Sender display name, e.g. Semáforo Escuela."),
        replyTo: address.optional().describe("Address that replies go to."),
      })
      .optional(),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(32)
      .optional()
      .describe("How many reports are rendered (and messages sent) at the same time. Default 2."),
    thresholds: z
      .strictObject({
        minSchools: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("Fewer schools visited makes a value referential."),
        maxCv: points
          .optional()
          .describe("A coefficient of variation (%) above this makes a value referential."),
        amberBand: points
          .optional()
          .describe("Without a minimum, amber starts this many points below the target."),
        fallAlert: points
          .optional()
          .describe("A fall of at least this many points since last month raises an alert."),
      })
      .optional()
      .describe("Traffic-light rule knobs; override dataset.json thresholds."),
    team: teamSettingsSchema.describe(
      "The enabling team's brief: capacity (UGELs accompanied a month, 1–224) and supportMonths (support.csv months that mark a unit as accompanied); override dataset.json team.",
    ),
    rate: z
      .number()
      .positive()
      .optional()
      .describe("At most this many e-mails per second over SMTP (default: no limit), like send --rate."),
  })
  .describe("Semáforo Reports configuration (semaforo.config.json). Flags override it.");

/** The checked content of a config file. Paths are as written (loadConfig makes them relative to the cwd). */
export type Config = z.infer<typeof configSchema>;
