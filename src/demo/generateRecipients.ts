import type { Recipient } from "../model.js";
import { personName } from "./personName.js";
import { rng } from "./random.js";
import type { DemoUnits } from "./readUnits.js";

/** Recipients who read English (`code#k`: the unit's k-th recipient). */
const ENGLISH = new Set(["PE#2", "150101#0", "160000#0", "150102#0", "080001#0", "250001#0"]);

/**
 * recipients.csv: three national mailboxes, the enabling team (level team, code PE) and 1–3
 * recipients per region and district, each with a synthetic name; a few read English.
 */
export function generateRecipients({ districts, regions }: DemoUnits): Recipient[] {
  const rows: Recipient[] = [];
  const add = (level: Recipient["level"], code: string, name: string, email: string, k: number) =>
    rows.push({ level, code, name, email, language: ENGLISH.has(`${code}#${k}`) ? "en" : "es" });
  const rn = rng("recipients", "PE");
  ["jefatura.monitoreo", "semaforo.analisis", "cooperacion.internacional"].forEach((box, k) =>
    add("national", "PE", personName(rn), `${box}@minedu.example`, k),
  );
  // The enabling team gets its monthly brief (level team, code PE).
  add("team", "PE", personName(rng("recipients", "team")), "equipo.acompanamiento@minedu.example", 0);
  const prefixes = ["", "director.", "monitoreo."];
  for (const region of regions) {
    const r = rng("recipients", region.code);
    const count = r.int(1, 3);
    for (let k = 0; k < count; k++)
      add("region", region.code, personName(r), `${prefixes[k]}dre-${region.code}@dre.example`, k);
  }
  for (const d of districts) {
    const r = rng("recipients", d.code);
    const count = r.int(1, 3);
    for (let k = 0; k < count; k++)
      add("district", d.code, personName(r), `${prefixes[k]}ugel-${d.code}@ugel.example`, k);
  }
  return rows;
}
