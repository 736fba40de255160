import { Injectable } from '@nestjs/common';
import type { Language, MailKind, MailState } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { MailOutboxEntity } from '../entities';

export interface NewMail {
  kind: string;
  recipient: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
  dedupeKey: string;
  stopUrl: string | null;
  /** KEPT when no SMTP server is configured, else QUEUED. */
  state: Extract<MailState, 'QUEUED' | 'KEPT'>;
  /** The first attempt is due from then (the clock's now). */
  dueAt: Date;
}

/** A user's mail settings, as the sweep and the settings page read them. */
export interface MailPreferences {
  userId: string;
  email: string;
  name: string;
  language: Language;
  optOuts: MailKind[];
}

/** A round as the reminder rule sees it. */
export interface OpenRoundCalendar {
  roundId: string;
  /** The Oslo date the round opened. */
  openedOn: string;
  deadline: string;
  reminderDaysBefore: number[];
  reminderDaysAfter: number[];
}

/** The outbox and users' mail settings. */
@Injectable()
export class MailRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a mail unless one with its dedupe key exists; true when this call added it. */
  async add(mail: NewMail): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO mail_outbox (kind, recipient, language, subject, text, html, dedupe_key, state, next_attempt_at, stop_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        mail.kind,
        mail.recipient,
        mail.language,
        mail.subject,
        mail.text,
        mail.html,
        mail.dedupeKey,
        mail.state,
        mail.dueAt,
        mail.stopUrl,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Takes up to `limit` queued mails that are due, for this caller alone: each counts an attempt and
   * is held back until `leaseUntil`, so no other instance takes it meanwhile (rows another instance
   * is taking at this moment are skipped, not waited for). A caller that dies mid-send leaves its
   * mails to be taken again when the lease ends.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<MailOutboxEntity[]> {
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $2
        WHERE id IN (SELECT id FROM mail_outbox
                      WHERE state = 'QUEUED' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at, created_at
                      LIMIT $3
                      FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, subject, text, html, language, kind, attempts, stop_url AS "stopUrl"`,
      [now, leaseUntil, limit],
    );
    // TypeORM answers an UPDATE with its rows and how many it changed.
    return rows.map((row) => this.dataSource.manager.create(MailOutboxEntity, row));
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET state = 'SENT', sent_at = $2, last_error = NULL WHERE id = $1`,
      [id, at],
    );
  }

  /** A failed attempt: tried again from `retryAt`, or given up (FAILED) when that is null. */
  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET last_error = $2, state = CASE WHEN $3::timestamptz IS NULL THEN 'FAILED' ELSE state END,
              next_attempt_at = COALESCE($3::timestamptz, next_attempt_at)
        WHERE id = $1`,
      [id, error.slice(0, 500), retryAt],
    );
  }

  /** A page of the outbox, newest first, and how many mails it holds in all. */
  async newestFirst(offset: number, limit: number): Promise<{ mails: MailOutboxEntity[]; total: number }> {
    const mails = await this.dataSource.manager.find(MailOutboxEntity, {
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM mail_outbox',
    );
    return { mails, total };
  }

  async preferences(userIds: string[]): Promise<MailPreferences[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT id AS "userId", email, name, language, mail_opt_outs AS "optOuts"
         FROM app_user WHERE id = ANY($1::uuid[]) AND active`,
      [userIds],
    );
  }

  async setPreferences(userId: string, language: Language, optOuts: MailKind[]): Promise<void> {
    await this.dataSource.query(`UPDATE app_user SET language = $2, mail_opt_outs = $3 WHERE id = $1`, [
      userId,
      language,
      optOuts,
    ]);
  }

  /** Adds one kind to what a user stopped (the link in a mail); true when the user exists. */
  async stop(userId: string, kind: MailKind): Promise<boolean> {
    // TypeORM answers an UPDATE with its rows and how many it changed.
    const [, changed]: [unknown[], number] = await this.dataSource.query(
      `UPDATE app_user SET mail_opt_outs = CASE WHEN $2 = ANY(mail_opt_outs) THEN mail_opt_outs
                                               ELSE array_append(mail_opt_outs, $2) END
        WHERE id = $1`,
      [userId, kind],
    );
    return changed === 1;
  }

  /** Every open round with what the reminder rule needs, its opening day in Oslo time. */
  openRoundCalendars(): Promise<OpenRoundCalendar[]> {
    return this.dataSource.query(
      `SELECT id AS "roundId", (opened_at AT TIME ZONE 'Europe/Oslo')::date::text AS "openedOn",
              deadline::text AS deadline, reminder_days_before AS "reminderDaysBefore",
              reminder_days_after AS "reminderDaysAfter"
         FROM reporting_round WHERE state = 'OPEN'`,
    );
  }
}
