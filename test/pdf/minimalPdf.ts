/**
 * A small, valid PDF (classic xref, like Chromium's) with `pages` empty pages and a title; `extra`
 * adds entries to its Info dictionary and catalog.
 */
export function minimalPdf(
  pages = 1,
  title = "Reporte",
  extra: { info?: string; catalog?: string } = {},
): Buffer {
  const objects: string[] = [];
  objects.push(`<</Title (${title})\n/Producer (test)${extra.info ?? ""}>>`); // 1: Info
  objects.push(`<</Type /Catalog\n/Pages 3 0 R${extra.catalog ?? ""}>>`); // 2: Catalog
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(" ");
  objects.push(`<</Type /Pages\n/Kids [${kids}]\n/Count ${pages}>>`); // 3: Pages
  for (let i = 0; i < pages; i++) objects.push("<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]>>");
  let text = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, "0")} 00000 n \n`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(text, "latin1");
}
