import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept progress figures, so that the matrix and the roll-ups read a fixed number of rows at any
 * programme size. Each action's contribution to each cell is stored with the sums of all
 * contributions per cell; a write's transaction calls `tiltak_refresh_action_figures` for the
 * actions it changed, which swaps their old contributions in the sums for new ones.
 *
 * Health and "overdue" depend on the day. All kept figures are judged on one date, `as_of` in
 * `kept_figure_date`: a refresh always judges at the stored date, so the sums are one consistent
 * picture, and `tiltak_rebuild_figures` recomputes everything for a new date. Readers that find an
 * older date roll the figures on (`tiltak_roll_figures_to`), one at a time under the sums' lock.
 *
 * Locking: a refresh takes ROW EXCLUSIVE on `kept_figure_cell`, then a transaction-scoped advisory
 * lock per action (sorted), then the cells it changes (sorted); a rebuild takes EXCLUSIVE on the
 * same table, so it waits for refreshes in flight and later refreshes wait for it.
 */
export class KeptFigures1796000000000 implements MigrationInterface {
  name = 'KeptFigures1796000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "kept_figure_contribution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "focus_area_id" uuid NOT NULL, "municipality_id" uuid, "weight" smallint NOT NULL, "status" character varying(20) NOT NULL, "progress" smallint NOT NULL, "health" character varying(20) NOT NULL, "overdue_milestones" integer NOT NULL, CONSTRAINT "PK_kept_figure_contribution" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_kept_figure_contribution_local" ON "kept_figure_contribution" ("action_id", "municipality_id") WHERE "municipality_id" IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_kept_figure_contribution_action" ON "kept_figure_contribution" ("action_id") WHERE "municipality_id" IS NULL`,
    );
    await db.query(`CREATE INDEX "IDX_kept_figure_contribution_action" ON "kept_figure_contribution" ("action_id") `);
    await db.query(
      `CREATE TABLE "kept_figure_cell" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "focus_area_id" uuid NOT NULL, "municipality_id" uuid, "action_count" integer NOT NULL DEFAULT '0', "weighted_progress" bigint NOT NULL DEFAULT '0', "counted_weight" bigint NOT NULL DEFAULT '0', "not_started" integer NOT NULL DEFAULT '0', "in_progress" integer NOT NULL DEFAULT '0', "on_hold" integer NOT NULL DEFAULT '0', "completed" integer NOT NULL DEFAULT '0', "cancelled" integer NOT NULL DEFAULT '0', "on_track" integer NOT NULL DEFAULT '0', "at_risk" integer NOT NULL DEFAULT '0', "off_track" integer NOT NULL DEFAULT '0', "overdue_milestones" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_kept_figure_cell" PRIMARY KEY ("id"))`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_kept_figure_cell_local" ON "kept_figure_cell" ("focus_area_id", "municipality_id") WHERE "municipality_id" IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "UQ_kept_figure_cell_action" ON "kept_figure_cell" ("focus_area_id") WHERE "municipality_id" IS NULL`,
    );
    await db.query(
      `ALTER TABLE "kept_figure_cell" ADD CONSTRAINT "FK_kept_figure_cell_focus_area" FOREIGN KEY ("focus_area_id") REFERENCES "focus_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `ALTER TABLE "kept_figure_cell" ADD CONSTRAINT "FK_kept_figure_cell_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await db.query(
      `CREATE TABLE "kept_figure_date" ("singleton" boolean NOT NULL DEFAULT true, "as_of" date NOT NULL, CONSTRAINT "CHK_kept_figure_date_singleton" CHECK ("singleton"), CONSTRAINT "PK_kept_figure_date" PRIMARY KEY ("singleton"))`,
    );

    await db.query(`
      CREATE TYPE tiltak_figure AS (action_id uuid, focus_area_id uuid, municipality_id uuid, weight smallint,
        status varchar(20), progress smallint, health varchar(20), overdue_milestones integer)`);
    // The figures of every action judged at p_as_of: one row per municipality it participates in
    // (the local figures, as the matrix always computed them) and one of its own (municipality null).
    // Plain SQL so the planner inlines it and pushes a caller's "action_id = ANY(…)" down to the scans.
    await db.query(`
      CREATE FUNCTION tiltak_action_figures(p_as_of date) RETURNS SETOF tiltak_figure
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT a.id, a.focus_area_id, l.municipality_id, a.weight, l.status::varchar(20), l.progress::smallint,
               l.health::varchar(20),
               CASE WHEN l.status IN ('COMPLETED', 'CANCELLED') THEN 0 ELSE o.n END
          FROM action a
         CROSS JOIN LATERAL (
               SELECT count(*)::int AS n FROM milestone m
                WHERE m.action_id = a.id AND m.completed_on IS NULL AND m.due_date < p_as_of) o
         CROSS JOIN LATERAL (
               SELECT p.municipality_id, COALESCE(p.status, a.status) AS status,
                      COALESCE(p.progress, a.progress) AS progress,
                      CASE WHEN p.status IS NULL AND p.progress IS NULL
                           THEN COALESCE(a.health_override,
                                         tiltak_health(a.status, a.progress, a.start_date, a.due_date, p_as_of))
                           ELSE tiltak_health(COALESCE(p.status, a.status), COALESCE(p.progress, a.progress),
                                              a.start_date, a.due_date, p_as_of)
                      END AS health
                 FROM participation p WHERE p.action_id = a.id
               UNION ALL
               SELECT NULL::uuid, a.status, a.progress,
                      COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, p_as_of))
               ) l
      $$`);
    await db.query(`
      CREATE FUNCTION tiltak_refresh_action_figures(p_action_ids uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        v_ids uuid[];
        v_id uuid;
        v_as_of date;
        v_new tiltak_figure[];
        d record;
      BEGIN
        SELECT array_agg(DISTINCT id ORDER BY id) INTO v_ids FROM unnest(p_action_ids) AS id WHERE id IS NOT NULL;
        IF v_ids IS NULL THEN
          RETURN;
        END IF;
        -- Waits for a rebuild in flight; a later rebuild waits for this transaction.
        LOCK TABLE kept_figure_cell IN ROW EXCLUSIVE MODE;
        -- One refresh of an action at a time, so none subtracts a contribution another is replacing.
        FOREACH v_id IN ARRAY v_ids LOOP
          PERFORM pg_advisory_xact_lock(hashtext('tiltak:kept-figures'), hashtext(v_id::text));
        END LOOP;
        SELECT as_of INTO STRICT v_as_of FROM kept_figure_date;
        SELECT array_agg(f) INTO v_new FROM tiltak_action_figures(v_as_of) f WHERE f.action_id = ANY (v_ids);

        -- New minus old contributions, per cell, cells in a fixed order so that writers never deadlock.
        FOR d IN
          SELECT c.focus_area_id, c.municipality_id,
                 sum(c.sign)::int AS action_count,
                 COALESCE(sum(c.sign * c.progress * c.weight) FILTER (WHERE c.status <> 'CANCELLED'), 0) AS weighted_progress,
                 COALESCE(sum(c.sign * c.weight) FILTER (WHERE c.status <> 'CANCELLED'), 0) AS counted_weight,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status = 'NOT_STARTED'), 0)::int AS not_started,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status = 'IN_PROGRESS'), 0)::int AS in_progress,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status = 'ON_HOLD'), 0)::int AS on_hold,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status = 'COMPLETED'), 0)::int AS completed,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status = 'CANCELLED'), 0)::int AS cancelled,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status <> 'CANCELLED' AND c.health = 'ON_TRACK'), 0)::int AS on_track,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status <> 'CANCELLED' AND c.health = 'AT_RISK'), 0)::int AS at_risk,
                 COALESCE(sum(c.sign) FILTER (WHERE c.status <> 'CANCELLED' AND c.health = 'OFF_TRACK'), 0)::int AS off_track,
                 COALESCE(sum(c.sign * c.overdue_milestones), 0)::int AS overdue_milestones
            FROM (SELECT -1 AS sign, o.focus_area_id, o.municipality_id, o.weight, o.status, o.progress, o.health,
                         o.overdue_milestones
                    FROM kept_figure_contribution o WHERE o.action_id = ANY (v_ids)
                  UNION ALL
                  SELECT 1, n.focus_area_id, n.municipality_id, n.weight, n.status, n.progress, n.health,
                         n.overdue_milestones
                    FROM unnest(v_new) n) c
           GROUP BY c.focus_area_id, c.municipality_id
           ORDER BY c.focus_area_id, c.municipality_id NULLS FIRST
        LOOP
          CONTINUE WHEN d.action_count = 0 AND d.weighted_progress = 0 AND d.counted_weight = 0
            AND d.not_started = 0 AND d.in_progress = 0 AND d.on_hold = 0 AND d.completed = 0 AND d.cancelled = 0
            AND d.on_track = 0 AND d.at_risk = 0 AND d.off_track = 0 AND d.overdue_milestones = 0;
          INSERT INTO kept_figure_cell (focus_area_id, municipality_id)
            VALUES (d.focus_area_id, d.municipality_id) ON CONFLICT DO NOTHING;
          UPDATE kept_figure_cell k
             SET action_count = k.action_count + d.action_count,
                 weighted_progress = k.weighted_progress + d.weighted_progress,
                 counted_weight = k.counted_weight + d.counted_weight,
                 not_started = k.not_started + d.not_started,
                 in_progress = k.in_progress + d.in_progress,
                 on_hold = k.on_hold + d.on_hold,
                 completed = k.completed + d.completed,
                 cancelled = k.cancelled + d.cancelled,
                 on_track = k.on_track + d.on_track,
                 at_risk = k.at_risk + d.at_risk,
                 off_track = k.off_track + d.off_track,
                 overdue_milestones = k.overdue_milestones + d.overdue_milestones
           WHERE k.focus_area_id = d.focus_area_id
             AND (k.municipality_id = d.municipality_id OR (k.municipality_id IS NULL AND d.municipality_id IS NULL));
        END LOOP;

        DELETE FROM kept_figure_contribution WHERE action_id = ANY (v_ids);
        INSERT INTO kept_figure_contribution
               (action_id, focus_area_id, municipality_id, weight, status, progress, health, overdue_milestones)
        SELECT n.action_id, n.focus_area_id, n.municipality_id, n.weight, n.status, n.progress, n.health,
               n.overdue_milestones
          FROM unnest(v_new) n;
      END $$`);
    await db.query(`
      CREATE FUNCTION tiltak_rebuild_figures(p_as_of date) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE kept_figure_cell IN EXCLUSIVE MODE;
        LOCK TABLE kept_figure_contribution IN EXCLUSIVE MODE;
        DELETE FROM kept_figure_contribution;
        INSERT INTO kept_figure_contribution
               (action_id, focus_area_id, municipality_id, weight, status, progress, health, overdue_milestones)
        SELECT f.action_id, f.focus_area_id, f.municipality_id, f.weight, f.status, f.progress, f.health,
               f.overdue_milestones
          FROM tiltak_action_figures(p_as_of) f;
        DELETE FROM kept_figure_cell;
        INSERT INTO kept_figure_cell (focus_area_id, municipality_id, action_count, weighted_progress, counted_weight,
               not_started, in_progress, on_hold, completed, cancelled, on_track, at_risk, off_track, overdue_milestones)
        SELECT c.focus_area_id, c.municipality_id, count(*),
               COALESCE(sum(c.progress * c.weight) FILTER (WHERE c.status <> 'CANCELLED'), 0),
               COALESCE(sum(c.weight) FILTER (WHERE c.status <> 'CANCELLED'), 0),
               count(*) FILTER (WHERE c.status = 'NOT_STARTED'),
               count(*) FILTER (WHERE c.status = 'IN_PROGRESS'),
               count(*) FILTER (WHERE c.status = 'ON_HOLD'),
               count(*) FILTER (WHERE c.status = 'COMPLETED'),
               count(*) FILTER (WHERE c.status = 'CANCELLED'),
               count(*) FILTER (WHERE c.status <> 'CANCELLED' AND c.health = 'ON_TRACK'),
               count(*) FILTER (WHERE c.status <> 'CANCELLED' AND c.health = 'AT_RISK'),
               count(*) FILTER (WHERE c.status <> 'CANCELLED' AND c.health = 'OFF_TRACK'),
               sum(c.overdue_milestones)
          FROM kept_figure_contribution c
         GROUP BY c.focus_area_id, c.municipality_id;
        INSERT INTO kept_figure_date (singleton, as_of) VALUES (true, p_as_of)
          ON CONFLICT (singleton) DO UPDATE SET as_of = EXCLUDED.as_of;
      END $$`);
    // What a reader calls when the kept figures were judged on another day: the first rebuilds,
    // the others wait on the lock and then find the date already moved on.
    await db.query(`
      CREATE FUNCTION tiltak_roll_figures_to(p_as_of date) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE kept_figure_cell IN EXCLUSIVE MODE;
        IF NOT EXISTS (SELECT 1 FROM kept_figure_date WHERE as_of = p_as_of) THEN
          PERFORM tiltak_rebuild_figures(p_as_of);
        END IF;
      END $$`);
    await db.query(`SELECT tiltak_rebuild_figures((now() AT TIME ZONE 'Europe/Oslo')::date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION tiltak_roll_figures_to(date)`);
    await db.query(`DROP FUNCTION tiltak_rebuild_figures(date)`);
    await db.query(`DROP FUNCTION tiltak_refresh_action_figures(uuid[])`);
    await db.query(`DROP FUNCTION tiltak_action_figures(date)`);
    await db.query(`DROP TYPE tiltak_figure`);
    await db.query(`DROP TABLE "kept_figure_date"`);
    await db.query(`ALTER TABLE "kept_figure_cell" DROP CONSTRAINT "FK_kept_figure_cell_municipality"`);
    await db.query(`ALTER TABLE "kept_figure_cell" DROP CONSTRAINT "FK_kept_figure_cell_focus_area"`);
    await db.query(`DROP INDEX "public"."UQ_kept_figure_cell_action"`);
    await db.query(`DROP INDEX "public"."UQ_kept_figure_cell_local"`);
    await db.query(`DROP TABLE "kept_figure_cell"`);
    await db.query(`DROP INDEX "public"."IDX_kept_figure_contribution_action"`);
    await db.query(`DROP INDEX "public"."UQ_kept_figure_contribution_action"`);
    await db.query(`DROP INDEX "public"."UQ_kept_figure_contribution_local"`);
    await db.query(`DROP TABLE "kept_figure_contribution"`);
  }
}
