import type { ActionStatus, Health } from '@tiltak/domain';

/** One municipality × focus area cell of `progressMatrix`, as the API answers it. */
export interface MatrixCell {
  municipalityId: string;
  focusAreaId: string;
  progress: number | null;
  actionCount: number;
  byStatus: Record<string, number>;
  byHealth: Record<string, number>;
  overdueMilestones: number;
}

/** The selection that asks for all of a cell. */
export const MATRIX_CELL_FIELDS = `municipalityId focusAreaId progress actionCount overdueMilestones
  byStatus { notStarted inProgress onHold completed cancelled } byHealth { onTrack atRisk offTrack }`;

/** A cell's counts as libs/domain's items give them: by status, and by health of those not cancelled. */
export function countsOf(items: readonly { status: ActionStatus; health: Health }[]) {
  const counted = items.filter((i) => i.status !== 'CANCELLED');
  const withStatus = (status: ActionStatus) => items.filter((i) => i.status === status).length;
  const withHealth = (health: Health) => counted.filter((i) => i.health === health).length;
  return {
    byStatus: {
      notStarted: withStatus('NOT_STARTED'),
      inProgress: withStatus('IN_PROGRESS'),
      onHold: withStatus('ON_HOLD'),
      completed: withStatus('COMPLETED'),
      cancelled: withStatus('CANCELLED'),
    },
    byHealth: { onTrack: withHealth('ON_TRACK'), atRisk: withHealth('AT_RISK'), offTrack: withHealth('OFF_TRACK') },
  };
}
