import { THRESHOLDS } from "./demoSettings.js";

/** dataset.json of the demo: synthetic, the real map, a sender, the rule's thresholds and `sms`. */
export function demoDatasetJson(sms: { schools: boolean }) {
  return {
    name: "Demo — Semáforo Escuela",
    description:
      "Datos sintéticos para demostración: las cifras, los nombres de personas, las direcciones de correo, " +
      "las escuelas y las buenas prácticas son inventados por el generador src/demo/ (npm run demo). Solo los códigos y nombres " +
      "de DRE/GRE y UGEL y los límites del mapa son reales. Synthetic demo data: the figures are not real.",
    synthetic: true,
    // Stated in the open data that `semaforo publish` writes (datapackage.json, "about the data").
    license: {
      name: "CC-BY-4.0",
      title: "Creative Commons Atribución 4.0 Internacional",
      path: "https://creativecommons.org/licenses/by/4.0/",
    },
    source: {
      title:
        "Datos sintéticos generados por src/demo/ (Semáforo Reports, npm run demo); códigos y límites: INEI, IGN, MINEDU",
    },
    geo: { file: "geo/peru.topojson", regions: "dre", districts: "ugel" },
    email: {
      from: "semaforo@minedu.example",
      fromName: "Semáforo Escuela – MINEDU",
      replyTo: "monitoreo@minedu.example",
    },
    csv: { delimiter: ",", decimal: ".", encoding: "utf8" },
    thresholds: THRESHOLDS,
    sms,
  };
}
