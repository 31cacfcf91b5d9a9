import type { Contact } from "../model.js";
import { personName } from "./personName.js";
import { rng } from "./random.js";
import type { DemoUnits } from "./readUnits.js";

/** contacts.csv: one monitoring contact per unit, who a report's reader can call. */
export function generateContacts({ districts, regions }: DemoUnits): Required<Contact>[] {
  const rows: Required<Contact>[] = [];
  const add = (level: Contact["level"], code: string, role: string, email: string) => {
    const r = rng("contacts", level, code);
    rows.push({
      level,
      code,
      name: personName(r),
      role,
      email,
      phone: `0${r.int(1, 8)} ${r.int(200000, 999999)}`,
    });
  };
  add("national", "PE", "Coordinación nacional de monitoreo", "monitoreo@minedu.example");
  for (const region of regions)
    add("region", region.code, "Especialista de monitoreo", `monitoreo-${region.code}@dre.example`);
  for (const d of districts)
    add("district", d.code, "Especialista de monitoreo", `monitoreo-${d.code}@ugel.example`);
  return rows;
}
