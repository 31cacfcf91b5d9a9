import { describe, expect, it } from "@jest/globals";
import { translateValue } from "../../src/render/context/translateValue.js";

describe("translateValue", () => {
  const en = {
    "contact.role.especialista-de-monitoreo": "Monitoring specialist",
    "school.level.inicial": "Pre-primary",
  };
  it("uses the locale's word for a known value, whatever its accents and capitals", () => {
    expect(translateValue(en, "contact.role", "Especialista de monitoreo")).toBe("Monitoring specialist");
    expect(translateValue(en, "school.level", "INICIAL")).toBe("Pre-primary");
  });
  it("prints an unknown value as written", () => {
    expect(translateValue(en, "contact.role", "Jefa de gestión pedagógica")).toBe(
      "Jefa de gestión pedagógica",
    );
  });
});
