// The soak's writers: demo users changing the programme at once, as people at their dashboards do.
// Each works on one action (or party) for a while, with the versions its own answers gave it; a
// write made with a version someone else has since moved on is refused with CONFLICT, and the writer
// takes the current version from that answer, as the dashboard does, and goes on.
import { send } from './soak-client.mjs';

const TARGETS = `query($after: String) {
  me { role municipalityId }
  actions(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id version milestones { id version completedOn }
      municipalities { version municipality { id } } viewerCan { updateStatus editMilestones } } }
  }
  parties { id version viewerCan { edit } }
}`;
const ACTION_ANSWER = 'id version milestones { id version completedOn } municipalities { version municipality { id } }';
const WRITES = {
  status: `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { ${ACTION_ANSWER} } }`,
  complete: `mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { ${ACTION_ANSWER} } }`,
  reopen: `mutation($input: MilestoneVersionInput!) { reopenMilestone(input: $input) { ${ACTION_ANSWER} } }`,
  figures: `mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { ${ACTION_ANSWER} } }`,
  party: 'mutation($input: UpdatePartyInput!) { updateParty(input: $input) { id version } }',
};

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Hands out the run's writes, paced to spread them over the duration, and says when a number is done. */
export class WriteBudget {
  constructor(total, durationMs) {
    this.total = total;
    this.interval = durationMs / total;
    this.issued = 0;
    this.done = 0;
    this.waiters = [];
    this.gates = [];
  }

  /** Writes from the `fraction` of the run on wait for `until`: the faults come at their point whatever the pace. */
  holdFrom(fraction, until) {
    this.gates.push({ from: Math.floor(fraction * this.total), until });
  }

  start() {
    this.startedAt = Date.now();
  }

  async take() {
    if (this.issued >= this.total) return false;
    const index = this.issued++;
    for (const gate of this.gates) if (index >= gate.from) await gate.until;
    const wait = this.startedAt + index * this.interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return true;
  }

  finish() {
    this.done++;
    this.waiters = this.waiters.filter(({ count, resolve }) => (count <= this.done ? resolve() : true));
  }

  /** Resolves once `count` writes have an answer. */
  when(count) {
    return new Promise((resolve) => (count <= this.done ? resolve() : this.waiters.push({ count, resolve })));
  }
}

export class Writer {
  constructor(email, instances, home, token, stats) {
    this.email = email;
    this.instances = instances;
    this.home = home;
    this.token = token;
    this.stats = stats;
    this.focus = null;
    this.focusLeft = 0;
  }

  /** Reads what this user may change: actions (with milestones and municipal figures) and parties. */
  async load() {
    const actions = [];
    let after = null;
    let data;
    do {
      const outcome = await send(this.instances, this.home, this.token, TARGETS, { after });
      if (outcome.kind !== 'ok') throw new Error(`${this.email} could not read the programme: ${outcome.reason}`);
      data = outcome.data;
      actions.push(...data.actions.edges.map((edge) => edge.node));
      after = data.actions.pageInfo.endCursor;
    } while (data.actions.pageInfo.hasNextPage);
    const { role, municipalityId } = data.me;
    this.actions = actions
      .map((action) => ({
        ...action,
        // The API's rule for a municipality's own figures, as it applies to these demo users.
        figures: action.municipalities.filter(
          ({ municipality }) =>
            role === 'ADMIN' ||
            (role === 'COORDINATOR' && municipality.id === municipalityId) ||
            (role === 'PROJECT_LEAD' && action.viewerCan.updateStatus),
        ),
      }))
      .filter((action) => action.viewerCan.updateStatus || action.figures.length > 0);
    this.parties = data.parties.filter((party) => party.viewerCan.edit);
  }

  async run(budget) {
    while (await budget.take()) {
      await this.writeOnce();
      budget.finish();
    }
  }

  /** Stays on one action or party for 5–20 writes, like a person working through a page. */
  chooseFocus() {
    if (this.focusLeft-- > 0) return;
    const party = this.parties.length > 0 && Math.random() < 0.15;
    this.focus = party ? { party: pick(this.parties) } : { action: pick(this.actions) };
    this.focusLeft = 5 + Math.floor(Math.random() * 16);
  }

  async writeOnce() {
    this.chooseFocus();
    const { query, input, target, learn } = this.focus.party ? this.partyWrite() : this.actionWrite();
    // Each write goes to this writer's own instance first, as through a load balancer.
    const outcome = await send(this.instances, this.home, this.token, query, { input });
    if (outcome.retried) this.stats.retried++;
    if (outcome.kind === 'ok') {
      this.stats.ok++;
      learn(outcome.data);
    } else if (outcome.kind === 'conflict') {
      this.stats.conflicts++;
      target.version = outcome.current?.version ?? target.version;
      if ('completedOn' in (outcome.current ?? {})) target.completedOn = outcome.current.completedOn;
    } else {
      this.stats.failed++;
      this.stats.failures.set(outcome.reason, (this.stats.failures.get(outcome.reason) ?? 0) + 1);
    }
  }

  actionWrite() {
    const action = this.focus.action;
    const learn = (data) => {
      const answer = Object.values(data)[0];
      const mine = new Set(action.figures.map((figures) => figures.municipality.id));
      action.version = answer.version;
      action.milestones = answer.milestones;
      action.figures = answer.municipalities.filter((figures) => mine.has(figures.municipality.id));
    };
    const choices = [
      ...(action.viewerCan.updateStatus ? ['status', 'status', 'status'] : []),
      ...(action.viewerCan.editMilestones && action.milestones.length > 0 ? ['milestone', 'milestone'] : []),
      ...(action.figures.length > 0 ? ['figures'] : []),
    ];
    const n = this.stats.ok + this.stats.conflicts;
    switch (pick(choices)) {
      case 'status': {
        const input = action.milestones.length
          ? { status: pick(['IN_PROGRESS', 'ON_HOLD']), comment: `Statusmøte ${n}` }
          : { status: 'IN_PROGRESS', progress: Math.floor(Math.random() * 101) };
        return {
          query: WRITES.status,
          input: { actionId: action.id, expectedVersion: action.version, ...input },
          target: action,
          learn,
        };
      }
      case 'milestone': {
        const milestone = pick(action.milestones);
        const query = milestone.completedOn ? WRITES.reopen : WRITES.complete;
        return {
          query,
          input: { milestoneId: milestone.id, expectedVersion: milestone.version },
          target: milestone,
          learn,
        };
      }
      default: {
        const figures = pick(action.figures);
        const input = {
          actionId: action.id,
          municipalityId: figures.municipality.id,
          expectedVersion: figures.version,
          progress: Math.floor(Math.random() * 101),
          note: `Oppdatert på møte ${n}`,
        };
        return { query: WRITES.figures, input, target: figures, learn };
      }
    }
  }

  partyWrite() {
    const party = this.focus.party;
    const input = { partyId: party.id, expectedVersion: party.version, contactName: `Kontaktperson ${this.stats.ok}` };
    return { query: WRITES.party, input, target: party, learn: (data) => (party.version = data.updateParty.version) };
  }
}
