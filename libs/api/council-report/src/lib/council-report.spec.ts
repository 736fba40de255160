import type { SnapshotDocument } from '@tiltak/domain';
import {
  collect,
  docxParts,
  docxText,
  fixtureChanges,
  fixtureSnapshot,
  flatten,
  pdfFonts,
  pdfInfo,
  pdfText,
} from '../testing';
import type { ReportLanguage } from './catalogue';
import { writeCouncilReport, type ReportFormat } from './council-report';
import type { CouncilReportInput } from './report-content';

function input(
  language: ReportLanguage,
  withPrevious = true,
  document: SnapshotDocument = fixtureSnapshot(),
): CouncilReportInput {
  return {
    snapshot: { title: 'Regionrådet desember 2026', takenAt: new Date(document.takenAt), document },
    previous: withPrevious ? { title: 'Tertial 2 2026', asOf: '2026-09-01', changes: fixtureChanges() } : null,
    language,
  };
}

const render = (report: CouncilReportInput, format: ReportFormat) =>
  collect((output) => writeCouncilReport(report, format, output));

/** Both files' text, whitespace flattened, for one report. */
async function texts(report: CouncilReportInput): Promise<{ docx: string; pdf: string }> {
  const [docx, pdf] = await Promise.all([render(report, 'docx'), render(report, 'pdf')]);
  return { docx: flatten(docxText(docx)), pdf: flatten(await pdfText(pdf)) };
}

describe('the council report, read back from the files', () => {
  let nb: { docx: string; pdf: string };

  beforeAll(async () => {
    nb = await texts(input('nb'));
  });

  it.each(['docx', 'pdf'] as const)('names every action by code and name, in bokmål with æøå (%s)', (format) => {
    const text = nb[format];
    for (const action of fixtureSnapshot().actions) expect(text).toContain(`${action.code} ${action.name}`);
    for (const municipality of ['Eidsvoll', 'Gjerdrum', 'Hurdal', 'Nannestad', 'Nes', 'Ullensaker']) {
      expect(text).toContain(municipality);
    }
    expect(text).toContain('Rapport til regionrådet');
    expect(text).toContain('Handlingsprogram for næringsutvikling på Øvre Romerike');
    expect(text).toContain('Tallene gjelder per 1. desember 2026');
    expect(text).toContain('Reguleringsplanen er påklaget; arbeidet står til klagen er avgjort.');
  });

  it.each(['docx', 'pdf'] as const)(
    'gives the figures as the snapshot holds them, written the Norwegian way (%s)',
    (format) => {
      const text = nb[format];
      expect(text).toContain('Framdrift i hele programmet: 41,5 % (forventet per i dag: 48,2 %).');
      expect(text).toContain('Budsjett: 1 250 000 kr');
      expect(text).toContain('2 000 000 kr');
      expect(text).toContain('Status: På vent · Framdrift: 10 % · Vurdering: Utenfor kurs (vurdert av ansvarlig)');
      expect(text).toContain('Kommunal andel (Eidsvoll)');
      expect(text).toContain('Private midler (Sparebankstiftelsen Hedmark)');
      expect(text).toContain('Kunnskapsparken Gardermoen');
      expect(text).toContain('Utgangsverdi 120, mål 300 innen 2028 (årsverk).');
    },
  );

  it.each(['docx', 'pdf'] as const)('lists what changed since the previous snapshot, entry by entry (%s)', (format) => {
    const text = nb[format];
    expect(text).toContain('Endringer siden forrige rapport («Tertial 2 2026», 1. september 2026)');
    expect(text).toContain('8 endringer i alt.');
    expect(text).toContain('T1.2 Sykkelturisme langs Vorma og Hurdalssjøen: Pågår → Fullført');
    expect(text).toContain('T2.2 Biogassanlegg på Nes: I risiko → Utenfor kurs (verre)');
    expect(text).toContain('T1.1: Selskapet stiftet, fullført 20. februar 2026');
    expect(text).toContain('T2.1: Kartlegging av kompetansebehov, fristen 1. oktober 2026 er passert');
    expect(text).toContain('Nye tiltak T3.2 Bredbånd i spredtbygde strøk');
    expect(text).toContain('Avbrutte tiltak T2.3 Grønt industrinettverk');
    expect(text).toContain(
      'T2.1 Kompetanseløft for grønn omstilling: I risiko. Færre bedrifter har meldt seg på enn ventet; vi trenger økt rekruttering før våren.',
    );
    expect(text).toContain('Nye arbeidsplasser i reiselivet, Hurdal 2026: ny verdi 22');
  });

  it('says it is the first report when no snapshot came before', async () => {
    const first = await texts(input('nb', false));

    for (const text of [first.docx, first.pdf]) {
      expect(text).toContain('Dette er den første rapporten til regionrådet i denne programperioden.');
      expect(text).not.toContain('Endringer siden forrige rapport');
    }
  });

  it('is written in English when asked, with English dates and money', async () => {
    const en = await texts(input('en'));

    for (const text of [en.docx, en.pdf]) {
      expect(text).toContain('Report to the regional council');
      expect(text).toContain('Figures as of 1 December 2026');
      expect(text).toContain('Budget: NOK 1,250,000');
      expect(text).toContain('T1.2 Sykkelturisme langs Vorma og Hurdalssjøen: In progress → Completed');
      expect(text).toContain('T2.2 Biogassanlegg på Nes: At risk → Off track (worse)');
      expect(text).not.toContain('Framdrift');
    }
  });

  it('makes the same text from the same snapshot every time', async () => {
    const again = await texts(input('nb'));

    expect(again).toEqual(nb);
  });

  it('writes a Word document with real headings, a contents field, repeating header rows, its language and title', async () => {
    const parts = docxParts(await render(input('nb'), 'docx'));
    const document = parts['word/document.xml'] ?? '';

    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(/<w:instrText[^>]*>(TOC [^<]*)/.exec(document)?.[1]).toBe('TOC \\h \\o &quot;1-2&quot;');
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain(
      'descr="Stolpediagram: Nye arbeidsplasser i reiselivet per kommune i 2026 (årsverk). Eidsvoll 14',
    );
    expect(parts['word/styles.xml']).toContain('w:val="nb-NO"');
    expect(parts['docProps/core.xml']).toContain(
      '<dc:title>Rapport til regionrådet: Regionrådet desember 2026</dc:title>',
    );
    expect(Object.keys(parts).filter((name) => name.startsWith('word/media/'))).toEqual([
      expect.stringMatching(/\.svg$/),
      expect.stringMatching(/\.png$/),
    ]);
  });

  it('writes a tagged PDF with its fonts embedded, its title shown and page numbers', async () => {
    const pdf = await render(input('nb'), 'pdf');

    const fonts = await pdfFonts(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    const info = await pdfInfo(pdf);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('Rapport til regionrådet: Regionrådet desember 2026');
    expect(pdf.toString('latin1')).toContain('/Lang (nb-NO)');
    expect(pdf.toString('latin1')).toContain('/DisplayDocTitle true');
    expect(flatten(await pdfText(pdf))).toContain(`Side 2 av ${info['Pages']}`);
  });
});
