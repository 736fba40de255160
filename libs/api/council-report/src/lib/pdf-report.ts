import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { barLengths, CHART, chartHeight } from './chart-images';
import type { Block, ReportContent } from './report-content';

const require = createRequire(import.meta.url);
/**
 * DejaVu Sans has every Norwegian letter and is free to embed; pdfkit embeds the glyphs used. The
 * fonts are named by their paths, not registered under aliases: pdfkit caches a font under the name
 * it was first opened by, and an alias for the document's default font would be parsed anew on
 * every switch (tens of seconds for the demo programme).
 */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const MARGIN = 56;
const FOOTER_GAP = 28;
const SIZES = { 1: 18, 2: 14, 3: 11.5 } as const;
const BODY = 10;
const ACCENT = '#1f3a5f';
const CELL_PADDING = 3;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type Attributed = Struct & { dictionary: { data: Record<string, unknown> } };

/** Where each heading landed, for the contents page and its links. */
interface Landmark {
  level: 1 | 2 | 3;
  text: string;
  page: number;
  destination: string;
}

function room(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

function startPage(doc: Doc): void {
  if (doc.y > doc.page.margins.top + 1) doc.addPage();
}

/** Keeps a heading or a table's first rows with what follows it. */
function keepTogether(doc: Doc, height: number): void {
  if (room(doc) < height) doc.addPage();
}

function heading(doc: Doc, root: Struct, block: Extract<Block, { kind: 'heading' }>, landmarks: Landmark[]): void {
  if (block.newPage) startPage(doc);
  else keepTogether(doc, 90);
  const destination = `h${landmarks.length}`;
  landmarks.push({ level: block.level, text: block.text, page: doc.bufferedPageRange().count - 1, destination });
  doc.addNamedDestination(destination);
  doc.moveDown(block.level === 3 ? 0.4 : 0.8);
  doc
    .font(FONTS.bold)
    .fontSize(SIZES[block.level])
    .fillColor(block.level === 3 ? 'black' : ACCENT)
    .text(block.text, { structParent: root, structType: `H${block.level}` });
  doc.font(FONTS.regular).fontSize(BODY).fillColor('black').moveDown(0.3);
}

function paragraph(doc: Doc, root: Struct, block: Extract<Block, { kind: 'paragraph' }>): void {
  root.add(
    doc.struct('P', {}, () => {
      if (block.label) doc.font(FONTS.bold).text(`${block.label}: `, { continued: true });
      doc.font(FONTS.regular).text(block.text);
    }),
  );
  doc.moveDown(0.4);
}

/** Draws what is not content (borders, shading, repeated header rows) as an artifact screen readers skip. */
function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

/**
 * A table drawn row by row: a row never splits, and the header row is drawn again at the top of
 * each page the table runs onto (marked as an artifact there: it was read once already). Tagged
 * Table (with its Caption), TR, TH with Scope (Column for the header, Row for each row's first cell) and TD.
 */
/** The width of the longest word of a text in the current font: a column narrower than that breaks a word. */
function widestWord(doc: Doc, text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
}

/**
 * Widens the columns a word would not fit in ("Næringspolitikk" in a matrix header), taking the room
 * from columns that have more than they need, in proportion to what they can spare. Where there is
 * not room enough for every word, the widths stay as they were and a long word breaks.
 */
export function roomForWords(widths: readonly number[], needs: readonly number[]): number[] {
  const short = widths.reduce((sum, width, index) => sum + Math.max(0, (needs[index] ?? 0) - width), 0);
  const spare = widths.reduce((sum, width, index) => sum + Math.max(0, width - (needs[index] ?? 0)), 0);
  if (short === 0 || spare < short) return [...widths];
  return widths.map((width, index) => {
    const need = needs[index] ?? 0;
    return width < need ? need : width - ((width - need) / spare) * short;
  });
}

function table(doc: Doc, root: Struct, block: Extract<Block, { kind: 'table' }>): void {
  keepTogether(doc, 70);
  const structure = doc.struct('Table');
  root.add(structure);
  doc.font(FONTS.bold).fontSize(9).text(block.caption, { structParent: structure, structType: 'Caption' });
  doc.moveDown(0.2);
  const size = block.header.length > 5 ? 7.5 : 8.5;
  const width = doc.page.width - 2 * MARGIN;
  // A wide table's first column names a row (an action, a party): it gets the room it needs.
  const first = block.header.length >= 4 ? width * 0.3 : width / block.header.length;
  const rest = (width - first) / Math.max(1, block.header.length - 1);
  const numeric = new Set(block.numeric ?? []);
  const fontOf = (header: boolean, index: number) => (header || index === 0 ? FONTS.bold : FONTS.regular);
  const widths = roomForWords(
    block.header.map((_, index) => (index === 0 ? first : rest)),
    block.header.map(
      (heading, index) =>
        Math.max(
          widestWord(doc.font(fontOf(true, index)).fontSize(size), heading),
          ...block.rows.map((row) => widestWord(doc.font(fontOf(false, index)).fontSize(size), row[index] ?? '')),
        ) +
        2 * CELL_PADDING +
        1,
    ),
  );
  const rowHeight = (cells: readonly string[], header: boolean) =>
    Math.max(
      ...cells.map((text, index) =>
        doc
          .font(fontOf(header, index))
          .fontSize(size)
          .heightOfString(text, { width: (widths[index] ?? 0) - 2 * CELL_PADDING }),
      ),
    ) +
    2 * CELL_PADDING;
  const drawRow = (cells: readonly string[], header: boolean, tagged: boolean) => {
    const height = rowHeight(cells, header);
    const top = doc.y;
    artifact(doc, () => {
      let x = MARGIN;
      for (const cellWidth of widths) {
        if (header) doc.rect(x, top, cellWidth, height).fill('#e7eef4');
        doc.rect(x, top, cellWidth, height).lineWidth(0.5).stroke('#9aa7b4');
        x += cellWidth;
      }
    });
    const row = tagged ? doc.struct('TR') : null;
    if (row) structure.add(row);
    let x = MARGIN;
    cells.forEach((text, index) => {
      const cellWidth = widths[index] ?? 0;
      const write = () =>
        doc
          .font(fontOf(header, index))
          .fontSize(size)
          .fillColor('black')
          .text(text, x + CELL_PADDING, top + CELL_PADDING, {
            width: cellWidth - 2 * CELL_PADDING,
            align: numeric.has(index) ? 'right' : 'left',
          });
      if (row) {
        const type = header || index === 0 ? 'TH' : 'TD';
        const cell = doc.struct(type, {}, write);
        // Which cells a header heads, as pdfkit's own tables say it; @types/pdfkit leaves `dictionary` out.
        if (type === 'TH') (cell as Attributed).dictionary.data.A = { O: 'Table', Scope: header ? 'Column' : 'Row' };
        row.add(cell);
      } else artifact(doc, write);
      x += cellWidth;
    });
    row?.end();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(block.header, true, true);
  for (const cells of block.rows) {
    if (room(doc) < rowHeight(cells, false)) {
      doc.addPage();
      drawRow(block.header, true, false);
    }
    drawRow(cells, false, true);
  }
  structure.end();
  doc.font(FONTS.regular).fontSize(BODY).moveDown(0.8);
}

function list(doc: Doc, root: Struct, items: readonly string[]): void {
  doc
    .font(FONTS.regular)
    .fontSize(BODY)
    .list([...items], { structParent: root, bulletRadius: 2, textIndent: 12, indent: 8 });
  doc.moveDown(0.4);
}

/** Vector bars with their labels and values, tagged as one Figure whose alt text says what it shows. */
function chart(doc: Doc, root: Struct, block: Extract<Block, { kind: 'chart' }>): void {
  const scale = (doc.page.width - 2 * MARGIN) / CHART.width;
  const height = chartHeight(block.chart) * scale;
  keepTogether(doc, height + 30);
  doc.font(FONTS.bold).fontSize(9).text(block.chart.title, { structParent: root, structType: 'Caption' });
  const top = doc.y + 4;
  const lengths = barLengths(block.chart);
  root.add(
    doc.struct('Figure', { alt: block.chart.alt }, () => {
      doc.font(FONTS.regular).fontSize(8);
      block.chart.bars.forEach((bar, index) => {
        const y = top + (4 + index * CHART.rowHeight) * scale;
        const barHeight = CHART.barHeight * scale;
        const textY = y + barHeight / 2 - 4;
        doc
          .fillColor('black')
          .text(bar.label, MARGIN, textY, { width: (CHART.labelWidth - 8) * scale, align: 'right', lineBreak: false });
        doc
          .rect(MARGIN + CHART.labelWidth * scale, y, (lengths[index] ?? 0) * scale, barHeight)
          .fill(`#${CHART.colour.map((c) => c.toString(16).padStart(2, '0')).join('')}`);
        doc
          .fillColor('black')
          .text(bar.valueText, MARGIN + (CHART.labelWidth + (lengths[index] ?? 0) + 6) * scale, textY, {
            lineBreak: false,
          });
      });
      doc
        .moveTo(MARGIN + CHART.labelWidth * scale - 0.5, top)
        .lineTo(MARGIN + CHART.labelWidth * scale - 0.5, top + height)
        .lineWidth(0.5)
        .stroke('#505050');
    }),
  );
  doc.x = MARGIN;
  doc.y = top + height + 10;
  doc.fontSize(BODY);
}

function cover(doc: Doc, root: Struct, content: ReportContent): void {
  doc.y = 220;
  doc
    .font(FONTS.bold)
    .fontSize(26)
    .fillColor(ACCENT)
    .text(content.cover.heading, { structParent: root, structType: 'P' });
  doc.moveDown(0.5);
  doc.fontSize(16).fillColor('black').text(content.cover.programme, { structParent: root, structType: 'P' });
  doc.moveDown(1);
  doc.font(FONTS.regular).fontSize(12);
  for (const line of content.cover.lines) doc.text(line, { structParent: root, structType: 'P' });
}

/** The contents page, written last into the page kept for it, when every heading's page is known. */
function contents(doc: Doc, toc: Struct, content: ReportContent, landmarks: Landmark[]): void {
  doc.switchToPage(1);
  doc.x = MARGIN;
  doc.y = MARGIN;
  doc
    .font(FONTS.bold)
    .fontSize(SIZES[1])
    .fillColor(ACCENT)
    .text(content.words.contents, { structParent: toc, structType: 'Caption' });
  doc.moveDown(0.6).fillColor('black');
  const width = doc.page.width - 2 * MARGIN;
  for (const landmark of landmarks.filter((entry) => entry.level === 1)) {
    toc.add(
      doc.struct('TOCI', {}, () => {
        const y = doc.y;
        doc
          .font(FONTS.regular)
          .fontSize(11.5)
          .text(landmark.text, MARGIN, y, { goTo: landmark.destination, width: width - 40 });
        doc.text(String(landmark.page + 1), MARGIN, y, { width, align: 'right', goTo: landmark.destination });
      }),
    );
    doc.moveDown(0.5);
  }
}

/** Page numbers on every page but the cover, marked as pagination artifacts so screen readers skip them. */
function pageNumbers(doc: Doc, content: ReportContent): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start + 1; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(FONTS.regular)
      .fontSize(8.5)
      .fillColor('#444444')
      .text(content.words.page(index + 1, count), MARGIN, doc.page.height - bottom + FOOTER_GAP / 2, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

function outline(doc: Doc, landmarks: Landmark[]): void {
  const parents: PDFKit.PDFOutline[] = [doc.outline];
  for (const landmark of landmarks) {
    doc.switchToPage(landmark.page);
    const parent = parents[landmark.level - 1] ?? doc.outline;
    parents[landmark.level] = parent.addItem(landmark.text);
  }
}

/**
 * The report as a tagged PDF (PDF 1.7, `/MarkInfo /Marked true`, a structure tree, the document's
 * language, its title shown in the reader's title bar): headings H1–H3, paragraphs P, lists L/LI,
 * tables Table/TR/TH/TD with header scope, the chart a Figure with alt text, the contents TOC/TOCI
 * with links, page numbers as pagination artifacts; bookmarks for every heading.
 */
export async function writeCouncilReportPdf(content: ReportContent, output: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: content.words.locale,
    displayTitle: true,
    bufferPages: true,
    font: FONTS.regular,
    info: { Title: content.title, Subject: content.cover.programme, Author: 'Tiltak', Creator: 'Tiltak' },
  });
  const done = finished(output);
  doc.pipe(output);
  const root = doc.struct('Document');
  doc.addStructure(root);
  cover(doc, root, content);
  // The contents page is kept empty until every heading's page is known.
  doc.addPage();
  doc.addPage();
  const toc = doc.struct('TOC');
  root.add(toc);
  const landmarks: Landmark[] = [];
  doc.font(FONTS.regular).fontSize(BODY);
  for (const block of content.blocks) {
    switch (block.kind) {
      case 'heading':
        heading(doc, root, block, landmarks);
        break;
      case 'paragraph':
        paragraph(doc, root, block);
        break;
      case 'list':
        list(doc, root, block.items);
        break;
      case 'table':
        table(doc, root, block);
        break;
      case 'chart':
        chart(doc, root, block);
        break;
    }
  }
  contents(doc, toc, content, landmarks);
  toc.end();
  outline(doc, landmarks);
  pageNumbers(doc, content);
  root.end();
  doc.end();
  await done;
}
