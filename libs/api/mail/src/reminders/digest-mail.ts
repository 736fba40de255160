import type { Language, MailKind } from '@tiltak/domain';

/** One report in a digest. */
export interface DigestItem {
  actionCode: string;
  actionTitle: string;
  municipalityName: string | null;
  state: string;
}

export interface DigestRound {
  name: string;
  /** YYYY-MM-DD */
  deadline: string;
  items: DigestItem[];
}

export interface Digest {
  kind: MailKind;
  language: Language;
  name: string;
  rounds: DigestRound[];
  /** Straight to the user's list. */
  myReportsUrl: string;
  /** Stops this kind of mail in one click. */
  stopUrl: string;
  settingsUrl: string;
}

export interface WrittenMail {
  subject: string;
  text: string;
  html: string;
}

/** The words of a digest in each language; plurals through Intl.PluralRules, as the catalogues' ICU does. */
const WORDS: Record<
  Language,
  {
    locale: string;
    reports: { one: string; other: string };
    subject: Record<MailKind, (count: string) => string>;
    greeting: (name: string) => string;
    intro: Record<MailKind, string>;
    deadline: (date: string) => string;
    states: Record<string, string>;
    action: string;
    why: string;
    stop: Record<MailKind, string>;
    settings: string;
  }
> = {
  nb: {
    locale: 'nb-NO',
    reports: { one: 'rapport', other: 'rapporter' },
    subject: {
      ROUND_OPENED: (count) => `Ny rapporteringsrunde i Tiltak: du har ${count} å levere`,
      REMINDER: (count) => `Påminnelse fra Tiltak: du har ${count} å levere`,
    },
    greeting: (name) => `Hei, ${name}.`,
    intro: {
      ROUND_OPENED: 'En rapporteringsrunde er åpnet. Dette er rapportene du skal levere:',
      REMINDER: 'Dette er rapportene du ennå ikke har levert:',
    },
    deadline: (date) => `frist ${date}`,
    states: { NOT_STARTED: 'ikke påbegynt', DRAFT: 'utkast', RETURNED: 'sendt tilbake til deg' },
    action: 'Gå til Mine oppgaver',
    why: 'Du får denne e-posten fordi du har rapporter å levere i Tiltak.',
    stop: {
      ROUND_OPENED: 'Slutt å få e-post når en rapporteringsrunde åpner',
      REMINDER: 'Slutt å få påminnelser om frister',
    },
    settings: 'Velg hvilke e-poster du får, og på hvilket språk',
  },
  nn: {
    locale: 'nn-NO',
    reports: { one: 'rapport', other: 'rapportar' },
    subject: {
      ROUND_OPENED: (count) => `Ny rapporteringsrunde i Tiltak: du har ${count} å levere`,
      REMINDER: (count) => `Påminning frå Tiltak: du har ${count} å levere`,
    },
    greeting: (name) => `Hei, ${name}.`,
    intro: {
      ROUND_OPENED: 'Ein rapporteringsrunde er opna. Dette er rapportane du skal levere:',
      REMINDER: 'Dette er rapportane du enno ikkje har levert:',
    },
    deadline: (date) => `frist ${date}`,
    states: { NOT_STARTED: 'ikkje påbyrja', DRAFT: 'utkast', RETURNED: 'send tilbake til deg' },
    action: 'Gå til Mine oppgåver',
    why: 'Du får denne e-posten fordi du har rapportar å levere i Tiltak.',
    stop: {
      ROUND_OPENED: 'Slutt å få e-post når ein rapporteringsrunde opnar',
      REMINDER: 'Slutt å få påminningar om fristar',
    },
    settings: 'Vel kva e-postar du får, og på kva språk',
  },
  en: {
    locale: 'en-GB',
    reports: { one: 'report', other: 'reports' },
    subject: {
      ROUND_OPENED: (count) => `New reporting round in Tiltak: you have ${count} to submit`,
      REMINDER: (count) => `Reminder from Tiltak: you have ${count} to submit`,
    },
    greeting: (name) => `Hello ${name},`,
    intro: {
      ROUND_OPENED: 'A reporting round has opened. These are the reports you are to submit:',
      REMINDER: 'These are the reports you have not submitted yet:',
    },
    deadline: (date) => `due ${date}`,
    states: { NOT_STARTED: 'not started', DRAFT: 'draft', RETURNED: 'returned to you' },
    action: 'Go to My updates',
    why: 'You get this e-mail because you have reports to submit in Tiltak.',
    stop: {
      ROUND_OPENED: 'Stop e-mails when a reporting round opens',
      REMINDER: 'Stop deadline reminders',
    },
    settings: 'Choose which e-mails you get, and in which language',
  },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A date as people write it: "30. september 2026", "30 September 2026". */
function longDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** The digest in the user's language: a subject, plain text, and simple HTML that reads in order. */
export function writeDigest(digest: Digest): WrittenMail {
  const words = WORDS[digest.language];
  const count = digest.rounds.reduce((sum, round) => sum + round.items.length, 0);
  const plural = new Intl.PluralRules(words.locale).select(count) === 'one' ? 'one' : 'other';
  const subject = words.subject[digest.kind](`${count} ${words.reports[plural]}`);
  const item = (entry: DigestItem) =>
    `${entry.actionCode} ${entry.actionTitle}${entry.municipalityName ? ` (${entry.municipalityName})` : ''}: ` +
    (words.states[entry.state] ?? entry.state);
  const heading = (round: DigestRound) => `${round.name}, ${words.deadline(longDate(round.deadline, words.locale))}`;

  const text = [
    words.greeting(digest.name),
    '',
    words.intro[digest.kind],
    ...digest.rounds.flatMap((round) => ['', heading(round), ...round.items.map((entry) => `- ${item(entry)}`)]),
    '',
    `${words.action}: ${digest.myReportsUrl}`,
    '',
    '-- ',
    words.why,
    `${words.stop[digest.kind]}: ${digest.stopUrl}`,
    `${words.settings}: ${digest.settingsUrl}`,
    '',
  ].join('\n');

  const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="${digest.language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em">
<p>${escapeHtml(words.greeting(digest.name))}</p>
<p>${escapeHtml(words.intro[digest.kind])}</p>
${digest.rounds
  .map(
    (round) =>
      `<h2 style="font-size: 1.1em">${escapeHtml(heading(round))}</h2>\n<ul>\n${round.items
        .map((entry) => `<li>${escapeHtml(item(entry))}</li>`)
        .join('\n')}\n</ul>`,
  )
  .join('\n')}
<p style="font-size: 1.1em"><strong>${link(digest.myReportsUrl, words.action)}</strong></p>
<hr>
<p style="font-size: 0.9em">${escapeHtml(words.why)}<br>
${link(digest.stopUrl, words.stop[digest.kind])}<br>
${link(digest.settingsUrl, words.settings)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
