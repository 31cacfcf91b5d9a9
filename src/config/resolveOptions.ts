/**
 * Flags override the config file, which overrides the defaults. Pure (the environment is passed in).
 * Commands do not call it directly: they call loadSettings (src/config/settings.ts), which reads the
 * config and resolves once, and applySettings, which puts the thresholds over dataset.json's.
 *
 * Do not give `out`, `concurrency`… a yargs `default`: a default flag would always win over the
 * config. Let them be undefined and take the defaults from here (`OPTION_DEFAULTS`).
 */
import { errors } from "../errors.js";
import { maskUrl } from "../maskUrl.js";
import type { TeamSettings, Thresholds } from "../model.js";
import { dropUndefined } from "../dataset/teamSettings.js";
import { DEFAULT_SMTP_URL_ENV, type Config } from "./configSchema.js";
import type { SenderSettings } from "../rules/sender.js";

/** The flags that have a config counterpart (all optional; as yargs gives them). */
export interface OptionFlags {
  data?: string;
  out?: string;
  smtp?: string;
  /** `--sms`: the SMS centre or gateway URL. */
  sms?: string;
  concurrency?: number;
  rate?: number;
  from?: string;
  replyTo?: string;
}

export const OPTION_DEFAULTS = { out: "out" } as const;

export interface SmtpOptions {
  /** The URL to connect to, password included when passwordEnv supplied it; undefined → outbox. */
  url: string | undefined;
  /** The same URL with any password masked (maskUrl), for messages and logs; a placeholder when it cannot be read. */
  display: string | undefined;
  /** Why the URL cannot be read (maskUrl), when it cannot: it is then never shown. */
  problem?: string;
  /** Where the URL came from. */
  source: "flag" | "env" | "config" | "none";
  /** Set when smtp.passwordEnv names a variable that is not set (see smtpUrlOrThrow). */
  missingPasswordEnv?: string;
}

export interface ResolvedOptions {
  /** Dataset folder; undefined when neither --data nor config `data` gives one. */
  data: string | undefined;
  out: string;
  smtp: SmtpOptions;
  email: Partial<SenderSettings>;
  /** Reports printed at once; undefined: the printer's default (printerConcurrency, from the cores). */
  concurrency: number | undefined;
  /** Only the knobs the config sets: spread them over the dataset's thresholds. */
  thresholds: Partial<Thresholds>;
  /** Only the team settings the config sets: spread them over dataset.json `team`. */
  team: Partial<TeamSettings>;
  /** E-mails per second over SMTP (as send --rate); undefined = no limit. */
  rate: number | undefined;
  /**
   * Where SMS go: `--sms`, else SEMAFORO_SMS_URL, else the config's `sms.url` (undefined → the
   * outbox), and the variable the config's `sms.passwordEnv` names for the password.
   */
  sms: { url: string | undefined; passwordEnv: string | undefined };
}

export function resolveOptions(
  flags: OptionFlags,
  config: Config,
  env: Record<string, string | undefined> = process.env,
): ResolvedOptions {
  const email: ResolvedOptions["email"] = { ...config.email };
  if (flags.from) email.from = flags.from;
  if (flags.replyTo) email.replyTo = flags.replyTo;
  return {
    data: flags.data ?? config.data,
    out: flags.out ?? config.out ?? OPTION_DEFAULTS.out,
    smtp: resolveSmtp(flags.smtp, config, env),
    email,
    concurrency: flags.concurrency ?? config.concurrency,
    thresholds: { ...config.thresholds },
    team: dropUndefined(config.team ?? {}),
    rate: flags.rate ?? config.rate,
    sms: { url: flags.sms ?? env.SEMAFORO_SMS_URL ?? config.sms?.url, passwordEnv: config.sms?.passwordEnv },
  };
}

/** The SMTP URL to use for a real send; throws (exit 2) when the password variable is missing. */
export function smtpUrlOrThrow(options: ResolvedOptions): string | undefined {
  if (options.smtp.missingPasswordEnv) throw errors.smtpPasswordMissing(options.smtp.missingPasswordEnv);
  return options.smtp.url;
}

function resolveSmtp(
  flag: string | undefined,
  config: Config,
  env: Record<string, string | undefined>,
): SmtpOptions {
  const fromEnv = env[config.smtp?.urlEnv ?? DEFAULT_SMTP_URL_ENV];
  const [raw, source]: [string | undefined, SmtpOptions["source"]] = flag
    ? [flag, "flag"]
    : fromEnv
      ? [fromEnv, "env"]
      : config.smtp?.url
        ? [config.smtp.url, "config"]
        : [undefined, "none"];
  if (raw === undefined) return { url: undefined, display: undefined, source };

  const passwordEnv = config.smtp?.passwordEnv;
  let url = raw;
  let missingPasswordEnv: string | undefined;
  const parsed = parseUrl(raw);
  if (passwordEnv && parsed && parsed.password === "") {
    const password = env[passwordEnv];
    if (password) {
      parsed.password = encodeURIComponent(password);
      url = parsed.toString();
    } else {
      missingPasswordEnv = passwordEnv;
    }
  }
  const masked = maskUrl(url);
  const result: SmtpOptions = { url, display: masked.shown, source };
  if (!masked.ok) result.problem = masked.problem;
  if (missingPasswordEnv) result.missingPasswordEnv = missingPasswordEnv;
  return result;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
