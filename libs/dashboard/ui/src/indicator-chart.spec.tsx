import { render, screen } from '@testing-library/react';
import { I18nProvider } from '@tiltak/dashboard-i18n';
import { axisTicks, IndicatorChart } from './indicator-chart';

describe('axisTicks', () => {
  it.each([
    [4, [0, 1, 2, 3, 4]],
    [60, [0, 20, 40, 60]],
    [1500, [0, 500, 1000, 1500]],
    [900_000, [0, 500_000, 1_000_000]],
    [1, [0, 0.5, 1]],
  ])('divides 0 to %d into round steps that reach it', (max, ticks) => {
    expect(axisTicks(max)).toEqual(ticks);
  });
});

describe('IndicatorChart', () => {
  it('labels both axes, names every series in a legend, and keeps the figures in a table', () => {
    const { container } = render(
      <I18nProvider initialLocale="nb">
        <IndicatorChart
          title="Gjestedøgn"
          summary="11 900 i 2025 mot utgangspunkt 12 000 og mål 14 000 i 2028."
          points={[{ year: 2025, value: 11_900 }]}
          reference={{ baseline: 12_000, target: 14_000 }}
          labels={{ year: 'År', value: 'gjestedøgn', baseline: 'Utgangspunkt', target: 'Mål 2028' }}
          format={(value) => String(value)}
        />
      </I18nProvider>,
    );

    const sut = screen.getByRole('img', { name: /11 900 i 2025/ });
    const axisTitles = [...sut.querySelectorAll('.indicator__axis-title')].map((title) => title.textContent);
    expect(axisTitles).toEqual(['gjestedøgn', 'År']);
    expect([...sut.querySelectorAll('.indicator__tick')].map((tick) => tick.textContent)).toContain('15000');
    const legend = container.querySelector('.indicator__legend');
    expect(legend?.textContent).toBe('gjestedøgnUtgangspunktMål 2028');
    expect(screen.getByRole('rowheader', { name: 'Mål 2028' }).nextSibling?.textContent).toBe('14000');
  });

  it('without a reference of the same kind, shows the values alone: no baseline or target line, key or row', () => {
    const { container } = render(
      <I18nProvider initialLocale="nb">
        <IndicatorChart
          title="Gjestedøgn i Nes"
          summary="2 900 i 2025."
          points={[{ year: 2025, value: 2_900 }]}
          note="Utgangspunkt og mål gjelder regionen som helhet."
          labels={{ year: 'År', value: 'gjestedøgn', baseline: 'Utgangspunkt', target: 'Mål 2028' }}
          format={(value) => String(value)}
        />
      </I18nProvider>,
    );

    expect(container.querySelector('.indicator__baseline, .indicator__target')).toBeNull();
    expect(container.querySelector('.indicator__legend')?.textContent).toBe('gjestedøgn');
    expect(screen.queryByRole('rowheader', { name: 'Utgangspunkt' })).toBeNull();
    expect(screen.getByText('Utgangspunkt og mål gjelder regionen som helhet.')).toBeTruthy();
  });
});
