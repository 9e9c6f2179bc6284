/**
 * Just enough Markdown for hints and exercise goals (paragraphs, fenced code,
 * `code`, **bold**, *italics*, [links](…), lists), escaping everything first,
 * so the output is safe to insert as HTML whatever the text contains.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One line of Markdown (code, bold, italics, links) as HTML, escaped first. */
export function inlineMarkdown(text: string): string {
  const codes: string[] = [];
  let html = escapeHtml(text).replace(/`([^`]+)`/g, (_match, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  html = html
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/|\.\.?\/|#)[^)\s]*)\)/g, '<a href="$2">$1</a>');
  return html.replace(/\uE000(\d+)\uE000/g, (_match, index: string) => codes[Number(index)] ?? '');
}

/** Renders a small Markdown text to HTML. */
export function miniMarkdown(markdown: string): string {
  const out: string[] = [];
  for (const block of splitFences(markdown.replace(/\r\n/g, '\n'))) {
    if (block.fence) {
      out.push(`<pre><code>${escapeHtml(block.text)}</code></pre>`);
      continue;
    }
    for (const paragraph of block.text.split(/\n\s*\n/)) {
      const text = paragraph.trim();
      if (!text) continue;
      const lines = text.split('\n');
      if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
        out.push(
          `<ul>${lines.map((line) => `<li>${inlineMarkdown(line.replace(/^\s*[-*]\s+/, ''))}</li>`).join('')}</ul>`,
        );
      } else {
        out.push(`<p>${inlineMarkdown(lines.join(' '))}</p>`);
      }
    }
  }
  return out.join('\n');
}

function splitFences(text: string): Array<{ fence: boolean; text: string }> {
  const parts: Array<{ fence: boolean; text: string }> = [];
  const pattern = /^```[^\n]*\n([\s\S]*?)^```\s*$/gm;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    parts.push({ fence: false, text: text.slice(last, match.index) });
    parts.push({ fence: true, text: (match[1] ?? '').replace(/\n$/, '') });
    last = match.index + match[0].length;
  }
  parts.push({ fence: false, text: text.slice(last) });
  return parts;
}
