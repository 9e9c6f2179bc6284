/** The colours the CLI uses; each wraps a string, or returns it as is. */
export interface Colors {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Colours only for a person at a terminal: off when output goes to a file or
 * a pipe, and off whenever NO_COLOR is set (https://no-color.org).
 *
 * @example
 * const c = colors(process.stdout);
 * console.log(c.green('✓ step 1'));
 */
export function colors(stream: { isTTY?: boolean } = process.stdout, env = process.env): Colors {
  const on = Boolean(stream.isTTY) && !env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) =>
    on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}
