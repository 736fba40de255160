import { deflateSync } from 'node:zlib';
import type { BarChart } from './indicator-chart';

/** The chart's geometry, shared by the SVG, the PNG and the PDF so all three draw the same bars. */
export const CHART = {
  width: 600,
  rowHeight: 28,
  labelWidth: 150,
  valueWidth: 80,
  barHeight: 18,
  colour: [31, 95, 140],
} as const;

export function chartHeight(chart: BarChart): number {
  return chart.bars.length * CHART.rowHeight + 8;
}

/** The length of each bar in units of the drawing, from the value and the chart's top of scale. */
export function barLengths(chart: BarChart): number[] {
  const room = CHART.width - CHART.labelWidth - CHART.valueWidth;
  return chart.bars.map((bar) => (chart.max > 0 ? Math.round((bar.value / chart.max) * room) : 0));
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as SVG, with its labels and values as text: what Word shows. */
export function chartSvg(chart: BarChart): Buffer {
  const [r, g, b] = CHART.colour;
  const lengths = barLengths(chart);
  const rows = chart.bars.map((bar, index) => {
    const y = 4 + index * CHART.rowHeight;
    const middle = y + CHART.barHeight / 2 + 4;
    return [
      `<text x="${CHART.labelWidth - 8}" y="${middle}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${CHART.labelWidth}" y="${y}" width="${lengths[index]}" height="${CHART.barHeight}" fill="rgb(${r},${g},${b})"/>`,
      `<text x="${CHART.labelWidth + (lengths[index] ?? 0) + 6}" y="${middle}">${escapeXml(bar.valueText)}</text>`,
    ].join('');
  });
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${chartHeight(chart)}" ` +
      `viewBox="0 0 ${CHART.width} ${chartHeight(chart)}" role="img" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">` +
      `<title>${escapeXml(chart.alt)}</title>${rows.join('')}</svg>`,
    'utf8',
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * The same bars as a PNG, for word processors that cannot show SVG: no text (the alt text and the
 * table under the chart carry the names and figures), so it needs no font rasteriser.
 */
export function chartPng(chart: BarChart): Buffer {
  const width = CHART.width;
  const height = chartHeight(chart);
  const lengths = barLengths(chart);
  const stride = 1 + width * 3;
  const pixels = Buffer.alloc(stride * height, 255);
  for (let y = 0; y < height; y++) pixels[y * stride] = 0;
  chart.bars.forEach((_, index) => {
    const top = 4 + index * CHART.rowHeight;
    for (let y = top; y < top + CHART.barHeight; y++) {
      for (let x = CHART.labelWidth; x < CHART.labelWidth + (lengths[index] ?? 0); x++) {
        pixels.set(CHART.colour, y * stride + 1 + x * 3);
      }
    }
  });
  // The axis the bars start from.
  for (let y = 0; y < height; y++) pixels.set([80, 80, 80], y * stride + 1 + (CHART.labelWidth - 1) * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
