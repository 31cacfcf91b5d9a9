/** The demo's figures are written with one decimal: rounded half up at the tenth. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** `round1(x)` written with exactly one decimal: "87.0". */
export const fixed1 = (x: number) => round1(x).toFixed(1);
