import { type Digest, writeDigest } from './digest-mail';

const digest = (overrides: Partial<Digest>): Digest => ({
  kind: 'REMINDER',
  language: 'nb',
  name: 'Kari Nordmann',
  rounds: [
    {
      name: '2. tertial 2026',
      deadline: '2026-09-30',
      items: [{ actionCode: '1.2', actionTitle: 'Næringsvennlig <kommune>', municipalityName: null, state: 'DRAFT' }],
    },
  ],
  myReportsUrl: 'https://tiltak.example.no/my-reports',
  stopUrl: 'https://tiltak.example.no/stop-mail/abc.def',
  settingsUrl: 'https://tiltak.example.no/mail-settings',
  ...overrides,
});

describe('the digest mail', () => {
  it.each([
    ['nb', 1, 'Påminnelse fra Tiltak: du har 1 rapport å levere'],
    ['nb', 2, 'Påminnelse fra Tiltak: du har 2 rapporter å levere'],
    ['nn', 1, 'Påminning frå Tiltak: du har 1 rapport å levere'],
    ['nn', 3, 'Påminning frå Tiltak: du har 3 rapportar å levere'],
    ['en', 1, 'Reminder from Tiltak: you have 1 report to submit'],
    ['en', 2, 'Reminder from Tiltak: you have 2 reports to submit'],
  ] as const)('in %s with %i report(s) has the subject "%s"', (language, count, subject) => {
    const [round] = digest({}).rounds;
    const rounds = [{ ...round, items: Array.from({ length: count }, () => round.items[0]) }];
    expect(writeDigest(digest({ language, rounds })).subject).toBe(subject);
  });

  it('escapes what users wrote in the HTML, and marks its language', () => {
    const { html, text } = writeDigest(digest({ language: 'nn' }));
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('Næringsvennlig &#60;kommune&#62;');
    expect(html).not.toContain('<kommune>');
    expect(text).toContain('1.2 Næringsvennlig <kommune>: utkast');
    expect(text).toContain('2. tertial 2026, frist 30. september 2026');
  });

  it('links to the list, to stopping this kind of mail and to the settings', () => {
    const { text, html } = writeDigest(digest({ kind: 'ROUND_OPENED', language: 'en' }));
    expect(text).toContain('Go to My updates: https://tiltak.example.no/my-reports');
    expect(text).toContain('Stop e-mails when a reporting round opens: https://tiltak.example.no/stop-mail/abc.def');
    expect(html).toContain('<a href="https://tiltak.example.no/mail-settings">');
  });
});
