import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { CHART, chartHeight, chartPng, chartSvg } from './chart-images';
import type { Block, ReportContent } from './report-content';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cellParagraph(text: string, options: { bold?: boolean; right?: boolean }): Paragraph {
  return new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: options.bold })],
  });
}

/** A real Word table: the header row repeats on each page and no row splits over two. */
function table(block: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const numeric = new Set(block.numeric ?? []);
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, index) =>
          new TableCell({
            shading: header ? { fill: 'E7EEF4' } : undefined,
            children: [cellParagraph(text, { bold: header, right: numeric.has(index) })],
          }),
      ),
    });
  return [
    new Paragraph({ style: 'Caption', keepNext: true, text: block.caption }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
    }),
    new Paragraph({ text: '' }),
  ];
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], text: block.text, pageBreakBefore: block.newPage })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            ...(block.label ? [new TextRun({ text: `${block.label}: `, bold: true })] : []),
            new TextRun(block.text),
          ],
        }),
      ];
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table':
      return table(block);
    case 'chart': {
      const png = chartPng(block.chart);
      // Two thirds of the drawing's size: about the width of the text column on A4.
      const transformation = { width: CHART.width * 0.75, height: chartHeight(block.chart) * 0.75 };
      return [
        new Paragraph({ style: 'Caption', keepNext: true, text: block.chart.title }),
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: chartSvg(block.chart),
              fallback: { type: 'png', data: png },
              transformation,
              altText: { name: block.chart.title, title: block.chart.title, description: block.chart.alt },
            }),
          ],
        }),
      ];
    }
  }
}

/**
 * The report as a Word document the secretariat goes on editing: Heading 1–3 styles (so Word's
 * navigation pane and the contents field work), a contents field Word fills in when the file is
 * opened, tables with repeating header rows, the document's language on every run, and the
 * title in the core properties.
 */
export function councilReportDocx(content: ReportContent): Document {
  const { words, cover } = content;
  const language = { value: words.locale };
  return new Document({
    title: content.title,
    subject: cover.programme,
    creator: 'Tiltak',
    description: cover.lines.join('. '),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language } },
        heading1: { run: { size: 36, bold: true, color: '1F3A5F', language } },
        heading2: { run: { size: 28, bold: true, color: '1F3A5F', language } },
        heading3: { run: { size: 24, bold: true, language } },
      },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true, size: 20, language },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
      ],
    },
    sections: [
      {
        properties: { titlePage: true },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: cover.heading, spacing: { before: 2400 } }),
          new Paragraph({ children: [new TextRun({ text: cover.programme, bold: true, size: 32 })] }),
          ...cover.lines.map((line) => new Paragraph({ text: line })),
          new Paragraph({
            pageBreakBefore: true,
            children: [new TextRun({ text: words.contents, bold: true, size: 32 })],
          }),
          new TableOfContents(words.contents, { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({ children: [new TextRun({ text: words.contentsHint, italics: true, size: 18 })] }),
          ...content.blocks.flatMap(blockToDocx),
        ],
      },
    ],
  });
}

export async function writeCouncilReportDocx(content: ReportContent, output: Writable): Promise<void> {
  await pipeline(Packer.toStream(councilReportDocx(content)) as Readable, output);
}
