import { type Lookups, lookupKey } from './exchange-state';

/** A row names something that is not there when its write runs (its own row could not be written). */
export class MissingReference extends Error {
  constructor(
    readonly field: string,
    readonly text: string,
  ) {
    super(`${field}: ${text} is not there`);
  }
}

/**
 * The ids behind the names and codes of a planned import: what existed when it was planned, and
 * what its own writes created so far (a party made on one sheet, led on another).
 */
export class ImportIds {
  private readonly made = { action: new Map<string, string>(), party: new Map<string, string>() };

  constructor(private readonly lookups: Lookups) {}

  created(what: 'action' | 'party', name: string, id: string): void {
    this.made[what].set(lookupKey(name), id);
  }

  action = (code: string | null | undefined): string =>
    this.found('action', code, (key) => this.lookups.actionByCode.get(key)?.id ?? this.made.action.get(key));

  party = (name: string | null | undefined): string =>
    this.found('party', name, (key) => this.made.party.get(key) ?? this.lookups.partyByName.get(key)?.id);

  focusArea = (code: string | null | undefined): string =>
    this.found('focusArea', code, (key) => this.lookups.focusAreaByCode.get(key)?.id);

  municipality = (name: string | null | undefined): string =>
    this.found('municipality', name, (key) => this.lookups.municipalityByName.get(key)?.id);

  goal = (code: string | null | undefined): string =>
    this.found('goals', code, (key) => this.lookups.goalByCode.get(key)?.id);

  indicator = (name: string | null | undefined): string =>
    this.found('indicator', name, (key) => this.lookups.indicatorByName.get(key)?.id);

  private found(field: string, text: string | null | undefined, find: (key: string) => string | undefined): string {
    const id = text ? find(lookupKey(text)) : undefined;
    if (!id) throw new MissingReference(field, text ?? '');
    return id;
  }
}
