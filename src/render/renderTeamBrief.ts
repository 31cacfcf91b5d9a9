import type { Messages, TeamBriefView } from "../model.js";
import { buildTeamPageContext } from "./context/buildTeamPageContext.js";
import type { Templates } from "./renderReport.js";

/** TeamBriefView → the HTML document of the enabling team's brief. Pure (given compiled templates). */
export function renderTeamBrief(
  view: TeamBriefView,
  context: { templates: Templates; messages: Messages; generatedAt: string },
): string {
  return context.templates.render(
    "team",
    buildTeamPageContext(view, { messages: context.messages, generatedAt: context.generatedAt }),
  );
}
