import type { z } from "zod";

/** What a schema found wrong, for a message: the first three problems, each `path: what`. */
export function describeIssues(error: z.ZodError, whole = "the file"): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : whole}: ${issue.message}`)
    .join("; ");
}
