/** The languages a report link's mail is written in: bokmål unless the sender chose English. */
export type ReportLinkLanguage = 'nb' | 'en';

export interface ReportLinkMailFacts {
  recipientName: string;
  senderName: string;
  sentFor: string;
  actionCode: string;
  actionTitle: string;
  roundName: string;
  deadline: string;
  expiresAt: Date;
  url: string;
}

export interface ReportLinkMail {
  subject: string;
  text: string;
  html: string;
}

const LOCALES: Record<ReportLinkLanguage, string> = { nb: 'nb-NO', en: 'en-GB' };

function formatDate(value: Date | string, language: ReportLinkLanguage, withTime: boolean): string {
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Oslo',
  }).format(date);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function paragraphs(language: ReportLinkLanguage, f: ReportLinkMailFacts): { greeting: string; body: string[] } {
  const deadline = formatDate(f.deadline, language, false);
  const expires = formatDate(f.expiresAt, language, true);
  const action = `${f.actionCode} ${f.actionTitle}`;
  if (language === 'en') {
    return {
      greeting: `Hello ${f.recipientName},`,
      body: [
        `${f.senderName} (${f.sentFor}) asks you to report on the action ${action} for ${f.roundName}, by ${deadline}.`,
        'You need no account. Open the link to see the action and send your report:',
        `The link works until ${expires}, and only for this report. Please do not pass it on.`,
      ],
    };
  }
  return {
    greeting: `Hei ${f.recipientName},`,
    body: [
      `${f.senderName} (${f.sentFor}) ber deg rapportere på tiltaket ${action} for ${f.roundName}, innen ${deadline}.`,
      'Du trenger ingen konto. Åpne lenken for å se tiltaket og sende rapporten:',
      `Lenken virker til ${expires}, og bare for denne rapporten. Ikke del den videre.`,
    ],
  };
}

/** The mail that carries a report link, in text and HTML, in the language chosen. */
export function reportLinkMail(language: ReportLinkLanguage, facts: ReportLinkMailFacts): ReportLinkMail {
  const { greeting, body } = paragraphs(language, facts);
  const [ask, open, lasts] = body;
  const subject =
    language === 'en'
      ? `Report on ${facts.actionCode} for ${facts.roundName}`
      : `Rapport for ${facts.actionCode} i ${facts.roundName}`;
  const text = [greeting, ask, `${open}\n${facts.url}`, lasts, 'Tiltak'].join('\n\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(ask)}</p>`,
    `<p>${escapeHtml(open)}<br><a href="${escapeHtml(facts.url)}">${escapeHtml(facts.url)}</a></p>`,
    `<p>${escapeHtml(lasts)}</p>`,
    '<p>Tiltak</p></body></html>',
  ].join('');
  return { subject, text, html };
}
