import { I18nProvider } from '@tiltak/dashboard-i18n';
import { render, screen, within } from '@testing-library/react';
import type { ImportPlan } from './exchange-api';
import { CHANGES_SHOWN, PlanView } from './plan-view';

const change = (row: number): ImportPlan['changes'][number] => ({
  sheet: 'Tiltak',
  row,
  key: `LOG-${row}`,
  kind: 'UPDATE',
  fields: [
    { column: 'Status', before: 'Ikke startet', after: 'Pågår' },
    { column: 'Saksnummer', before: null, after: '25/123' },
  ],
});

const plan: ImportPlan = {
  mode: 'DRY_RUN',
  applied: false,
  fingerprint: 'f1',
  sheets: [
    { kind: 'ACTIONS', name: 'Tiltak', rows: 50, created: 0, changed: 1, unchanged: 49, readOnly: false },
    { kind: 'FUNDING', name: 'Finansiering', rows: 12, created: 0, changed: 0, unchanged: 0, readOnly: true },
  ],
  changes: [change(4)],
  problems: [
    { sheet: null, row: null, column: null, code: 'UNKNOWN_SHEET', message: 'Arket «Notater» er ukjent.' },
    { sheet: 'Tiltak', row: 7, column: 'Frist', code: 'DATE_NOT_A_DATE', message: 'Frist er ikke en dato.' },
  ],
};

function renderPlan(shown: ImportPlan) {
  return render(
    <I18nProvider initialLocale="nb">
      <PlanView plan={shown} />
    </I18nProvider>,
  );
}

describe('PlanView', () => {
  it('shows each sheet’s counts, the read-only ones marked', () => {
    renderPlan(plan);
    const sheets = screen.getByRole('table', { name: 'Ark i fila' });

    const rows = within(sheets).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Tiltak500149',
      'Finansiering (bare til lesing, leses ikke inn)12000',
    ]);
  });

  it('lists the problems by sheet, row and column, and each change field by field', () => {
    renderPlan(plan);

    const problems = screen.getByRole('table', { name: '2 problemer' });
    expect(
      within(problems)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Hele filaArket «Notater» er ukjent.', 'Tiltak7FristFrist er ikke en dato.']);
    const changes = screen.getByRole('table', { name: '1 endring' });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Status: Ikke startet → Pågår', 'Saksnummer: (tomt) → 25/123']);
  });

  it('shows the first changes of a long list and says how many there are', () => {
    const many = Array.from({ length: CHANGES_SHOWN + 2 }, (_, index) => change(index + 2));

    renderPlan({ ...plan, changes: many, problems: [] });

    const changes = screen.getByRole('table', { name: `502 endringer; de første ${CHANGES_SHOWN} vises` });
    expect(within(changes).getAllByRole('row')).toHaveLength(CHANGES_SHOWN + 1);
    expect(screen.queryByRole('table', { name: /problem/ })).toBeNull();
  });
});
