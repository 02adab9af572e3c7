// The reference article and its hand-checked gold quotes (tests/fixtures/corpus).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = join(__dirname, '../../fixtures/corpus');

export interface GoldQuote {
  id: string;
  quote: string;
  start: number;
  end: number;
  marks: string;
}

export const ARTICLE_TXT = readFileSync(join(CORPUS, 'articles/wilby-2023-12-08.txt'), 'utf8');
export const ARTICLE_HTML = readFileSync(join(CORPUS, 'articles/wilby-2023-12-08.html'), 'utf8');
export const GOLD: GoldQuote[] = (JSON.parse(readFileSync(join(CORPUS, 'gold/wilby-2023-12-08.json'), 'utf8')) as { quotes: GoldQuote[] }).quotes;

export const CANONICAL_URL =
  'https://neilwilby.com/2023/12/09/more-grooming-gang-failings-and-myths-unravelled-by-police-watchdog-inspection';
export const OG_TITLE = 'More grooming gang failings and myths unravelled by police watchdog inspection';
