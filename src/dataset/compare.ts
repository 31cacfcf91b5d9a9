/** Code-point order for codes and periods (never locale-dependent). */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
