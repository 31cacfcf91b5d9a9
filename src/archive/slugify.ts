/** The longest slug a file name gets, so a long unit name never makes a name the disk refuses. */
export const MAX_SLUG = 60;

/**
 * "UGEL 01 San Juan de Miraflores" → "ugel-01-san-juan-de-miraflores": ASCII, accents stripped,
 * ñ → n, at most MAX_SLUG characters (cut at a dash when there is one).
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const dash = cut.lastIndexOf("-");
  return (dash > MAX_SLUG / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}
