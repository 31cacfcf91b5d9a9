import { roundToDisplay } from "../locale/format.js";

/**
 * A figure written with exactly one decimal ("87.0"), rounded by the project's display rule
 * (locale/format roundToDisplay), so a file holds the number the reports show and compare.
 */
export const fixed1 = (x: number) => roundToDisplay(x).toFixed(1);
