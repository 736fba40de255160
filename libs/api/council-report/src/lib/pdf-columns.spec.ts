import { roomForWords } from './pdf-report';

describe('the PDF table columns', () => {
  it('widen a column its longest word would not fit, taking the room from columns that can spare it', () => {
    const widths = roomForWords([120, 50, 50], [40, 70, 30]);

    expect(widths[1]).toBe(70);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(220);
    expect(widths[0]).toBeGreaterThanOrEqual(40);
    expect(widths[2]).toBeGreaterThanOrEqual(30);
  });

  it('stay as they were when there is not room for every word', () => {
    expect(roomForWords([50, 50], [80, 45])).toEqual([50, 50]);
  });

  it('stay as they were when every word fits', () => {
    expect(roomForWords([60, 40], [30, 20])).toEqual([60, 40]);
  });
});
