// Demo 2's only browser code: a progressive enhancement. The board works
// without it; with it, times show in your local time zone.
import { localizeTimes } from './time.ts';

localizeTimes(document);
