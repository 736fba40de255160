import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@tiltak/api-core';
import { MailRepository, type OwedReport, ReportOwnersRepository } from '@tiltak/api-data-access';
import { JobQueue } from '@tiltak/api-jobs';
import { digestTime, LANGUAGES, type Language, type MailKind, mailDueOn } from '@tiltak/domain';
import { MailLinks } from '../mail-links';
import { MailService } from '../mail.service';
import { type DigestRound, writeDigest } from './digest-mail';

export const REMINDER_SWEEP_JOB = 'reminder-sweep';

/**
 * Decides who gets a digest today, going by the injected clock: a person with reports owed in a
 * round that opened today, or has a reminder day or its deadline today, gets one mail listing
 * everything they owe in every open round, at most one per Oslo day (the dedupe key), in their
 * language, unless they stopped that kind of mail. Nothing goes out before seven in the morning.
 * Safe on several instances at once.
 */
@Injectable()
export class ReminderSweep implements OnModuleInit {
  constructor(
    private readonly clock: Clock,
    private readonly repository: MailRepository,
    private readonly owners: ReportOwnersRepository,
    private readonly mail: MailService,
    private readonly links: MailLinks,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.every({ name: REMINDER_SWEEP_JOB, cron: '*/10 * * * *', run: async () => void (await this.sweep()) });
  }

  /** Adds today's digests to the outbox; returns how many were new. */
  async sweep(): Promise<number> {
    if (!digestTime(this.clock.now())) return 0;
    const today = this.clock.today();
    const dueRounds = new Map<string, MailKind>();
    for (const round of await this.repository.openRoundCalendars()) {
      const kind = mailDueOn(round, today);
      if (kind) dueRounds.set(round.roundId, kind);
    }
    if (dueRounds.size === 0) return 0;

    const byUser = new Map<string, OwedReport[]>();
    for (const owed of await this.owners.owedReports())
      byUser.set(owed.userId, [...(byUser.get(owed.userId) ?? []), owed]);
    const preferences = new Map(
      (await this.repository.preferences([...byUser.keys()])).map((person) => [person.userId, person]),
    );

    let added = 0;
    for (const [userId, owed] of byUser) {
      const person = preferences.get(userId);
      if (!person) continue;
      const kinds = new Set(owed.flatMap((report) => dueRounds.get(report.roundId) ?? []));
      for (const stopped of person.optOuts) kinds.delete(stopped);
      if (kinds.size === 0) continue;
      const kind: MailKind = kinds.has('ROUND_OPENED') ? 'ROUND_OPENED' : 'REMINDER';
      const language: Language = (LANGUAGES as readonly string[]).includes(person.language) ? person.language : 'nb';
      const stopUrl = this.links.stop(userId, kind);
      const written = writeDigest({
        kind,
        language,
        name: person.name,
        rounds: roundsOf(owed),
        myReportsUrl: this.links.page('/my-reports'),
        stopUrl,
        settingsUrl: this.links.page('/mail-settings'),
      });
      const isNew = await this.mail.enqueue({
        kind,
        to: person.email,
        language,
        ...written,
        dedupeKey: `digest:${userId}:${today}`,
        stopUrl,
      });
      if (isNew) added += 1;
    }
    return added;
  }
}

/** The owed reports grouped by round, in the order the repository gives (deadline first). */
function roundsOf(owed: OwedReport[]): DigestRound[] {
  const rounds = new Map<string, DigestRound>();
  for (const report of owed) {
    const round = rounds.get(report.roundId) ?? { name: report.roundName, deadline: report.deadline, items: [] };
    round.items.push({
      actionCode: report.actionCode,
      actionTitle: report.actionTitle,
      municipalityName: report.municipalityName,
      state: report.state,
    });
    rounds.set(report.roundId, round);
  }
  return [...rounds.values()];
}
