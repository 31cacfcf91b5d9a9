/** "UGEL 01 San Juan de Miraflores" → "ugel-01-san-juan-de-miraflores": ASCII, accents stripped, ñ → n. */
export function slugify(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
