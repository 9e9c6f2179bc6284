// The confusables mapping of Unicode Technical Standard #39 (confusables.txt,
// Unicode 13.0.0), as the `unhomoglyph` package ships it: each source character
// and the prototype it is confusable with ('о' Cyrillic → 'o' Latin, '0' → 'O',
// 'm' → 'rn'). Read once, on first use, so a bundle that never compares
// nicknames never pays for the table.
import table from 'unhomoglyph/data.json' with { type: 'json' };

let prototypes: ReadonlyMap<string, string> | undefined;

function prototypeOf(character: string): string {
  prototypes ??= new Map(Object.entries(table as Record<string, string>));
  return prototypes.get(character) ?? character;
}

/**
 * The confusable skeleton of `text` as Unicode Technical Standard #39 (section 4)
 * defines it: decompose (NFD), replace every character by its prototype from
 * confusables.txt, decompose again. Two strings that look alike have the same
 * skeleton. A skeleton is a key for comparing, not text to show anyone.
 *
 * @example
 * confusableSkeleton('bоb') === confusableSkeleton('bob'); // true: the 'о' is Cyrillic
 * confusableSkeleton('rn') === confusableSkeleton('m'); // true
 */
export function confusableSkeleton(text: string): string {
  let skeleton = '';
  for (const character of text.normalize('NFD')) skeleton += prototypeOf(character);
  return skeleton.normalize('NFD');
}
