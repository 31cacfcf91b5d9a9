import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultBuildEffects } from "../build/defaultBuildEffects.js";
import { sourceDate } from "../build/sourceDate.js";
import { NATIONAL_CODE, type Dataset, type Locale, type Period, type ReportView } from "../model.js";
import { loadTemplates } from "../render/loadTemplates.js";
import { renderIndex } from "../render/renderIndex.js";
import type { ViewRenderer } from "../build/buildReportSet.js";

export interface PreviewOptions {
  dataset: Dataset;
  period: Period;
  locales: Locale[];
  /** 0 = any free port. */
  port: number;
  host?: string;
}

export interface Preview {
  url: string;
  /** Reports of the period, as the index counts them: one per unit (and the team's brief), each
   * served in every language of `languages`. */
  reports: number;
  languages: Locale[];
  close: () => Promise<void>;
}

/**
 * Content-Security-Policy of every page: the same closed world as printing (fonts and images are
 * data: URLs, no script, nothing fetched), so what the browser shows is what Chromium prints.
 */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

const hrefOf = (view: ReportView) => `/${view.level}/${encodeURIComponent(view.code)}.${view.locale}.html`;

/**
 * `semaforo preview`: a local web server with an index of every report of the period and each
 * report's HTML exactly as it is printed (same views, same templates, same renderer).
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const effects = defaultBuildEffects();
  // The date the build prints (the close of the period), so a page is byte for byte the printed HTML.
  const generatedAt = sourceDate(options.period).toISOString();
  const templates = loadTemplates();
  /** Each report's HTML, made when first asked for. */
  const byHref = new Map<string, () => string>();
  const indexes = new Map<Locale, string>();
  // The enabling team's brief, when recipients.csv has a `team` row (as the build makes it).
  const hasTeam = options.dataset.recipients.some((r) => r.level === "team");
  for (const locale of options.locales) {
    const messages = await effects.readMessages(locale);
    const views = effects.buildViews(options.dataset, options.period, { locale, messages });
    const renderer: ViewRenderer = await effects.makeRenderer(options.dataset, messages, generatedAt);
    for (const view of views) byHref.set(hrefOf(view), () => renderer.render(view));
    const teamHref = `/team/${NATIONAL_CODE}.${locale}.html`;
    const { makeTeamRenderer, buildTeamBrief } = effects;
    if (hasTeam && makeTeamRenderer && buildTeamBrief) {
      const team = await makeTeamRenderer(messages, generatedAt);
      byHref.set(teamHref, () =>
        team.render(buildTeamBrief(options.dataset, options.period, { locale, messages })),
      );
    }
    indexes.set(
      locale,
      renderIndex(
        views.map((view) => ({ view, href: hrefOf(view) })),
        {
          templates,
          messages,
          locale,
          periodLabel: views[0]?.periodLabel ?? options.period,
          datasetName: options.dataset.config.name,
          locales: options.locales,
          ...(hasTeam ? { team: { name: messages["team.recipientName"] ?? "", href: teamHref } } : {}),
        },
      ),
    );
  }

  const cache = new Map<string, string>();
  let allowedHosts = new Set<string>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://preview").pathname;
    const send = (status: number, body: string) => {
      response.writeHead(status, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": CSP,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      });
      response.end(body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "Method not allowed");
    // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own Host.
    if (!allowedHosts.has((request.headers.host ?? "").toLowerCase()))
      return send(
        421,
        "<!doctype html><title>421</title><p>This preview answers only to its own address.</p>",
      );
    const locale = /^\/(es|en)\/?$/.exec(path)?.[1] as Locale | undefined;
    if (path === "/" || locale) {
      return send(200, indexes.get(locale ?? options.locales[0] ?? "es") ?? "");
    }
    const make = byHref.get(path);
    if (!make)
      return send(404, '<!doctype html><title>404</title><p>No such report. <a href="/">Index</a></p>');
    let html = cache.get(path);
    if (html === undefined) {
      try {
        html = make();
      } catch (error) {
        return send(
          500,
          `<!doctype html><title>500</title><pre>${String(error).replace(/[&<>]/g, "")}</pre>`,
        );
      }
      cache.set(path, html);
    }
    return send(200, html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  allowedHosts = new Set(
    [options.host ?? "127.0.0.1", "127.0.0.1", "localhost", "[::1]"].map((name) => `${name}:${address.port}`),
  );
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}/`,
    reports: byHref.size / Math.max(1, options.locales.length),
    languages: [...options.locales],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
