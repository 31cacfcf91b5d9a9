/**
 * The Table Schemas (Frictionless Data, https://specs.frictionlessdata.io/table-schema/) of the
 * open-data CSV files: the one description of every column, used to write the CSV files, the
 * `datapackage.json`, the data dictionary (es and en) and to check the files back. Column names
 * are Spanish and stable; `title` is the Spanish label, `description` the English one and
 * `description_es` the Spanish one (extra properties are allowed by the spec).
 */
import { FORMULA_NOTE } from "../protectFormula.js";

export type FieldType = "string" | "integer" | "number" | "boolean" | "yearmonth";

export interface TableField {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  description_es: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
}

export interface TableSchema {
  fields: TableField[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues: string[];
}

export interface TableResource {
  name: string;
  path: string;
  title: string;
  description: string;
  schema: TableSchema;
}

/** Spanish codes written in the CSV files for the model's English ones. */
export const CODES = {
  level: { national: "nacional", region: "region", district: "distrito" },
  status: { green: "verde", amber: "ambar", red: "rojo", referential: "referencial", "no-data": "sin_datos" },
  reason: { "few-schools": "pocas_escuelas", "high-cv": "cv_alto", "no-target": "sin_meta" },
  targetSource: { national: "nacional", region: "region", district: "distrito", none: "ninguna" },
  better: { higher: "mayor", lower: "menor" },
} as const;

const required = { required: true } as const;
const percent = { minimum: 0, maximum: 100 } as const;
const level = (name: string, title: string, en: string, es: string): TableField => ({
  name,
  type: "string",
  title,
  description: en,
  description_es: es,
  constraints: { ...required, enum: Object.values(CODES.level) },
});

export const UNITS: TableResource = {
  name: "unidades",
  path: "datos/unidades.csv",
  title: "Unidades: nacional, regiones (DRE/GRE) y distritos (UGEL)",
  description: "Reporting units with their codes, names and parent unit.",
  schema: {
    fields: [
      level(
        "nivel",
        "Nivel",
        "Level: nacional, region (DRE/GRE) or distrito (UGEL).",
        "Nivel: nacional, region (DRE/GRE) o distrito (UGEL).",
      ),
      {
        name: "codigo",
        type: "string",
        title: "Código",
        description: "Unit code (PE for the nation; DRE and UGEL codes keep their leading zeros).",
        description_es:
          "Código de la unidad (PE para el país; los códigos de DRE y UGEL conservan sus ceros iniciales).",
        constraints: required,
      },
      {
        name: "nombre",
        type: "string",
        title: "Nombre",
        description: "Unit name.",
        description_es: "Nombre de la unidad.",
        constraints: required,
      },
      {
        name: "nivel_superior",
        type: "string",
        title: "Nivel superior",
        description: "Level of the parent unit; empty for the nation.",
        description_es: "Nivel de la unidad superior; vacío para el país.",
        constraints: { enum: Object.values(CODES.level) },
      },
      {
        name: "codigo_superior",
        type: "string",
        title: "Código superior",
        description:
          "Code of the parent unit (a district's region, a region's nation); empty for the nation.",
        description_es:
          "Código de la unidad superior (la región de un distrito, el país de una región); vacío para el país.",
      },
    ],
    primaryKey: ["nivel", "codigo"],
    missingValues: [""],
  },
};

export const INDICATORS: TableResource = {
  name: "indicadores",
  path: "datos/indicadores.csv",
  title: "Catálogo de indicadores",
  description: "The indicator catalogue, in report order.",
  schema: {
    fields: [
      {
        name: "indicador",
        type: "string",
        title: "Indicador",
        description: "Indicator id.",
        description_es: "Identificador del indicador.",
        constraints: required,
      },
      {
        name: "orden",
        type: "integer",
        title: "Orden",
        description: "Position in the reports (1 = first).",
        description_es: "Posición en los reportes (1 = primero).",
        constraints: { ...required, minimum: 1 },
      },
      {
        name: "nombre_es",
        type: "string",
        title: "Nombre (es)",
        description: "Name in Spanish.",
        description_es: "Nombre en castellano.",
        constraints: required,
      },
      {
        name: "nombre_en",
        type: "string",
        title: "Nombre (en)",
        description: "Name in English.",
        description_es: "Nombre en inglés.",
        constraints: required,
      },
      {
        name: "categoria",
        type: "string",
        title: "Categoría",
        description: "Category of the indicator.",
        description_es: "Categoría del indicador.",
        constraints: required,
      },
      {
        name: "sentido",
        type: "string",
        title: "Sentido",
        description: "Which way is better: mayor (higher) or menor (lower).",
        description_es: "Qué es mejor: mayor o menor.",
        constraints: { ...required, enum: Object.values(CODES.better) },
      },
      {
        name: "unidad_medida",
        type: "string",
        title: "Unidad de medida",
        description: "Unit of the values (porcentaje: percentage points, 0–100).",
        description_es: "Unidad de los valores (porcentaje: puntos porcentuales, 0–100).",
        constraints: required,
      },
    ],
    primaryKey: ["indicador"],
    missingValues: [""],
  },
};

export const VALUES: TableResource = {
  name: "valores",
  path: "datos/valores.csv",
  title: "Valores de los indicadores por mes, nivel nacional, región y distrito",
  description:
    "One row per month × unit × indicator with data, exactly as the monthly reports computed it: national and regional values are rolled up from district numerators and denominators. A month without a row is a gap (holidays, no visit), never a zero. No school-level rows.",
  schema: {
    fields: [
      {
        name: "periodo",
        type: "yearmonth",
        title: "Periodo",
        description: "School month, ISO 8601 YYYY-MM.",
        description_es: "Mes escolar, ISO 8601 AAAA-MM.",
        constraints: required,
      },
      level(
        "nivel",
        "Nivel",
        "Level of the unit: nacional, region or distrito.",
        "Nivel de la unidad: nacional, region o distrito.",
      ),
      {
        name: "codigo",
        type: "string",
        title: "Código",
        description: "Unit code (see unidades.csv).",
        description_es: "Código de la unidad (ver unidades.csv).",
        constraints: required,
      },
      {
        name: "indicador",
        type: "string",
        title: "Indicador",
        description: "Indicator id (see indicadores.csv).",
        description_es: "Identificador del indicador (ver indicadores.csv).",
        constraints: required,
      },
      {
        name: "numerador",
        type: "integer",
        title: "Numerador",
        description: "Numerator: count of the observations meeting the indicator.",
        description_es: "Numerador: observaciones que cumplen el indicador.",
        constraints: { ...required, minimum: 0 },
      },
      {
        name: "denominador",
        type: "integer",
        title: "Denominador",
        description: "Denominator: count of the observations.",
        description_es: "Denominador: observaciones.",
        constraints: { ...required, minimum: 1 },
      },
      {
        name: "escuelas_visitadas",
        type: "integer",
        title: "Escuelas visitadas",
        description: "Schools visited in the month.",
        description_es: "Escuelas visitadas en el mes.",
        constraints: { ...required, minimum: 0 },
      },
      {
        name: "valor",
        type: "number",
        title: "Valor (%)",
        description:
          "Value in percent = 100 × numerador / denominador, rounded to 4 decimals (the reports show 1).",
        description_es:
          "Valor en porcentaje = 100 × numerador / denominador, redondeado a 4 decimales (los reportes muestran 1).",
        constraints: { ...required, ...percent },
      },
      {
        name: "estado",
        type: "string",
        title: "Estado",
        description:
          "Traffic-light status against the unit's own targets: verde (on target), ambar (warning), rojo (below minimum), referencial (grey: not compared).",
        description_es:
          "Estado del semáforo frente a las metas de la propia unidad: verde (en meta), ambar (alerta), rojo (bajo el mínimo), referencial (gris: no se compara).",
        constraints: { ...required, enum: ["verde", "ambar", "rojo", "referencial"] },
      },
      {
        name: "referencial",
        type: "boolean",
        title: "Referencial",
        description: "true when the value is only referential (too few schools, high cv or no target).",
        description_es: "true cuando el valor es solo referencial (pocas escuelas, cv alto o sin meta).",
        constraints: required,
      },
      {
        name: "motivo_referencial",
        type: "string",
        title: "Motivo referencial",
        description:
          "Why the value is referential: pocas_escuelas (too few schools), cv_alto (coefficient of variation too high), sin_meta (no target for the year); empty otherwise.",
        description_es:
          "Por qué el valor es referencial: pocas_escuelas, cv_alto (coeficiente de variación alto), sin_meta (sin meta para el año); vacío si no lo es.",
        constraints: { enum: Object.values(CODES.reason) },
      },
      {
        name: "linea_base",
        type: "number",
        title: "Línea de base (%)",
        description: "Baseline of the year, in percent; empty when none.",
        description_es: "Línea de base del año, en porcentaje; vacío si no hay.",
        constraints: percent,
      },
      {
        name: "minimo",
        type: "number",
        title: "Mínimo aceptable (%)",
        description: "Minimum used by the traffic-light rule (given, or target − amber band), in percent.",
        description_es:
          "Mínimo que usa la regla del semáforo (el dado, o la meta menos la banda ámbar), en porcentaje.",
        constraints: percent,
      },
      {
        name: "meta",
        type: "number",
        title: "Meta (%)",
        description: "Target of the year, in percent; empty when none.",
        description_es: "Meta del año, en porcentaje; vacío si no hay.",
        constraints: percent,
      },
      {
        name: "origen_metas",
        type: "string",
        title: "Origen de las metas",
        description:
          "Whose targets apply after the fallback district → region → national: distrito, region, nacional or ninguna.",
        description_es:
          "De quién son las metas tras la cascada distrito → región → nacional: distrito, region, nacional o ninguna.",
        constraints: { ...required, enum: Object.values(CODES.targetSource) },
      },
    ],
    primaryKey: ["periodo", "nivel", "codigo", "indicador"],
    foreignKeys: [
      { fields: ["nivel", "codigo"], reference: { resource: "unidades", fields: ["nivel", "codigo"] } },
      { fields: ["indicador"], reference: { resource: "indicadores", fields: ["indicador"] } },
    ],
    missingValues: [""],
  },
};

/** The data dictionary: every column of the tables above, described in Spanish and English. */
export const DICTIONARY: TableResource = {
  name: "diccionario",
  path: "datos/diccionario.csv",
  title: "Diccionario de datos (es, en)",
  description:
    "Data dictionary: every column of every table, with its type and its description in Spanish and English.",
  schema: {
    fields: [
      {
        name: "archivo",
        type: "string",
        title: "Archivo",
        description: "File (path in the package).",
        description_es: "Archivo (ruta en el paquete).",
        constraints: required,
      },
      {
        name: "columna",
        type: "string",
        title: "Columna",
        description: "Column name.",
        description_es: "Nombre de la columna.",
        constraints: required,
      },
      {
        name: "tipo",
        type: "string",
        title: "Tipo",
        description: "Table Schema type.",
        description_es: "Tipo (Table Schema).",
        constraints: required,
      },
      {
        name: "obligatorio",
        type: "boolean",
        title: "Obligatorio",
        description: "true when the column is never empty.",
        description_es: "true cuando la columna nunca está vacía.",
        constraints: required,
      },
      {
        name: "titulo",
        type: "string",
        title: "Título",
        description: "Short Spanish label.",
        description_es: "Etiqueta corta.",
        constraints: required,
      },
      {
        name: "descripcion_es",
        type: "string",
        title: "Descripción (es)",
        description: "Description in Spanish.",
        description_es: "Descripción en castellano.",
        constraints: required,
      },
      {
        name: "descripcion_en",
        type: "string",
        title: "Descripción (en)",
        description: "Description in English.",
        description_es: "Descripción en inglés.",
        constraints: required,
      },
    ],
    primaryKey: ["archivo", "columna"],
    missingValues: [""],
  },
};

/** Every table of the package, in the order of `datapackage.json`. */
export const TABLES: readonly TableResource[] = [VALUES, UNITS, INDICATORS, DICTIONARY];

/**
 * Whether a column holds free text (a string without an enum or pattern): its cells are protected
 * against formula injection (protectFormula). Codes, enums and numbers are never changed, so the
 * files keep validating against these schemas.
 */
export function isFreeText(field: TableField): boolean {
  return field.type === "string" && !field.constraints?.enum && !field.constraints?.pattern;
}

// Every free-text column says so, in datapackage.json, diccionario.csv and the data page alike.
for (const table of TABLES)
  for (const field of table.schema.fields)
    if (isFreeText(field)) {
      field.description = `${field.description} ${FORMULA_NOTE.en}`;
      field.description_es = `${field.description_es} ${FORMULA_NOTE.es}`;
    }
