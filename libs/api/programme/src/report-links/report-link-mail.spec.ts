import { reportLinkMail } from './report-link-mail';

const facts = {
  recipientName: 'Kari <Nordmann>',
  senderName: 'Næringskoordinator i Nes',
  sentFor: 'Nes kommune',
  actionCode: 'NE-1',
  actionTitle: 'Felles næringsarealer',
  roundName: '2. tertial 2026',
  deadline: '2026-09-15',
  expiresAt: new Date('2026-09-15T10:00:00Z'),
  url: 'https://tiltak.example.no/report/abc',
};

describe('reportLinkMail', () => {
  it('writes bokmål, with the link, the deadline and how long the link lasts', () => {
    const sut = reportLinkMail('nb', facts);
    expect(sut.subject).toBe('Rapport for NE-1 i 2. tertial 2026');
    expect(sut.text).toContain('Næringskoordinator i Nes (Nes kommune) ber deg rapportere');
    expect(sut.text).toContain('innen 15. september 2026');
    expect(sut.text).toContain('https://tiltak.example.no/report/abc');
    expect(sut.text).toContain('Lenken virker til 15. september 2026 kl. 12:00');
  });

  it('writes English when the sender chose it', () => {
    const sut = reportLinkMail('en', facts);
    expect(sut.subject).toBe('Report on NE-1 for 2. tertial 2026');
    expect(sut.text).toContain('by 15 September 2026');
    expect(sut.html).toContain('lang="en"');
  });

  it('escapes what people typed in the HTML', () => {
    const sut = reportLinkMail('nb', facts);
    expect(sut.html).toContain('Hei Kari &#60;Nordmann&#62;,');
    expect(sut.html).not.toContain('<Nordmann>');
  });
});
