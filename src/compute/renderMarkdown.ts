import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ async: false, gfm: true, breaks: false });

const ALLOWED_TAGS = ["p", "ul", "ol", "li", "em", "strong", "h3", "h4", "br", "blockquote"];

/**
 * Untrusted Markdown → sanitized HTML. Allow-list only: paragraphs, lists, emphasis, h3/h4 (other
 * headings are mapped to them), line breaks and quotes; no attributes at all. Links keep their text
 * only; images, raw HTML, scripts, styles and iframes disappear with their content.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {},
    allowedSchemes: [],
    disallowedTagsMode: "discard",
    nonTextTags: [
      "script",
      "style",
      "textarea",
      "option",
      "noscript",
      "iframe",
      "object",
      "embed",
      "svg",
      "math",
      "title",
    ],
    transformTags: { h1: "h3", h2: "h3", h5: "h4", h6: "h4" },
  }).trim();
}
