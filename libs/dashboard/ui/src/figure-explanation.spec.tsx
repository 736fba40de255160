import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '@tiltak/dashboard-i18n';
import { TextDecoder, TextEncoder } from 'node:util';
import type { FigureContribution } from './figure-explanation';

// react-router reads these when it loads; jsdom does not provide them.
Object.assign(globalThis, { TextEncoder, TextDecoder });
const { MemoryRouter } = await import('react-router');
const { FigureExplanation } = await import('./figure-explanation');
const { FigureSummary, figuresKey } = await import('./figure-summary');

const contribution = (over: Partial<FigureContribution>): FigureContribution => ({
  actionId: 'a1',
  municipalityId: 'nes',
  code: 'SMA-1',
  title: 'Felles innkjøp',
  status: 'IN_PROGRESS',
  progress: 20,
  weight: 2,
  health: 'AT_RISK',
  overdueMilestones: 1,
  counted: true,
  ...over,
});

function renderNb(children: React.ReactNode) {
  return render(
    <I18nProvider initialLocale="nb">
      <MemoryRouter>{children}</MemoryRouter>
    </I18nProvider>,
  );
}

describe('FigureExplanation', () => {
  const explanation = {
    progress: 15,
    weightedSum: 60,
    totalWeight: 4,
    contributions: [
      contribution({}),
      contribution({ actionId: 'a2', code: 'SMA-2', progress: 10, weight: 2, health: 'OFF_TRACK' }),
      contribution({ actionId: 'a3', code: 'SMA-3', status: 'CANCELLED', counted: false, overdueMilestones: 0 }),
    ],
  };

  it('is a closed disclosure that opens on the rule, the sums and each action’s part with its weight', () => {
    renderNb(<FigureExplanation label="Slik er tallene for Nes regnet ut" explanation={explanation} />);
    const sut = screen.getByText('Slik er tallene for Nes regnet ut', { selector: 'summary' }).closest('details')!;
    expect(sut.open).toBe(false);

    fireEvent.click(screen.getByText('Slik er tallene for Nes regnet ut', { selector: 'summary' }));

    expect(sut.open).toBe(true);
    expect(within(sut).getByText(/60 \/ 4 = 15\s%/)).toBeTruthy();
    const rows = within(sut).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('20 × 2 = 40'),
      expect.stringContaining('10 × 2 = 20'),
      expect.stringContaining('Avbrutt, teller ikke'),
    ]);
  });

  it('names each contribution’s municipality where the figure spans several', () => {
    renderNb(
      <FigureExplanation label="Forklaring" explanation={explanation} municipalityName={(id) => id.toUpperCase()} />,
    );

    expect(screen.getByRole('columnheader', { name: 'Kommune' })).toBeTruthy();
    expect(screen.getAllByRole('cell', { name: 'NES' })).toHaveLength(3);
  });
});

describe('FigureSummary', () => {
  it('says the count, each health, overdue milestones and progress in words, with plural forms', () => {
    const figures = {
      actionCount: 1,
      byHealth: { onTrack: 0, atRisk: 1, offTrack: 0 },
      overdueMilestones: 1,
      progress: 42.5,
    };
    const { container } = renderNb(<FigureSummary heading="Nes, Smarte samfunn:" figures={figures} />);

    expect(container.textContent).toContain('1 tiltak · 0 i rute · 1 i risiko · 0 utenfor kurs · 1 forsinket milepæl');
    expect(container.textContent).toMatch(/framdrift 42,5\s%/);
    expect(container.querySelector('[data-figures]')?.getAttribute('data-figures')).toBe(figuresKey(figures));
    expect(figuresKey(figures)).toBe('1|0|1|0|1|42.5');
  });
});
