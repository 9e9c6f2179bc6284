/** The highlighter language for a file name. */
export function languageOf(file: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const languages: Record<string, string> = {
    ts: 'ts',
    mts: 'ts',
    js: 'js',
    mjs: 'js',
    json: 'json',
    html: 'html',
    njk: 'html',
    css: 'css',
    md: 'md',
    sh: 'bash',
  };
  return languages[extension] ?? 'txt';
}
