import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, badUserInput, conflict, PolicyService } from '@tiltak/api-core';
import {
  AccountRepository,
  type Actor,
  AuditRepository,
  PartyRepository,
  ProgrammeRepository,
  ProgrammeWriter,
  SessionRepository,
  type UserEntity,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import type { AuditAction, Principal, Role } from '@tiltak/domain';
import { type UserModel, toUserModel } from './models/user.model';
import { hashPassword } from './passwords';
import type { CreateUserInput, UpdateUserInput } from './dto/auth.inputs';

/** Fields of a user the change log may hold: never the password hash. */
function loggable(user: UserEntity) {
  return toUserModel(user);
}

/** The admin who makes a change, and from which address, for the audit log. */
export interface AdminActor extends Actor {
  address: string | null;
}

/** What a change to a user means for the audit log, with what it was and what it became. */
function auditedChanges(before: UserEntity, after: UserEntity): { action: AuditAction; detail: object }[] {
  const changes: { action: AuditAction; detail: object }[] = [];
  if (before.role !== after.role)
    changes.push({ action: 'ROLE_CHANGED', detail: { from: before.role, to: after.role } });
  if (before.municipalityId !== after.municipalityId || before.partyId !== after.partyId) {
    changes.push({
      action: 'ASSIGNMENT_CHANGED',
      detail: {
        from: { municipalityId: before.municipalityId, partyId: before.partyId },
        to: { municipalityId: after.municipalityId, partyId: after.partyId },
      },
    });
  }
  if (before.active !== after.active)
    changes.push({ action: after.active ? 'REACTIVATED' : 'DEACTIVATED', detail: {} });
  return changes;
}

/** User administration, for admins only. */
@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly parties: PartyRepository,
    private readonly writer: ProgrammeWriter,
    private readonly policy: PolicyService,
  ) {}

  async users(viewer: Principal | null): Promise<UserModel[]> {
    this.policy.require(viewer, { kind: 'MANAGE_USERS' });
    return (await this.accounts.allUsers()).map(toUserModel);
  }

  async createUser(viewer: Principal | null, actor: AdminActor, input: CreateUserInput): Promise<UserModel> {
    this.policy.require(viewer, { kind: 'MANAGE_USERS' });
    const email = input.email.trim().toLowerCase();
    if (await this.accounts.userByEmail(email)) {
      throw badUserInput('email', `email: ${email} already has an account`, 'EMAIL_TAKEN');
    }
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return this.write(actor, async (tx) => {
      await this.checkAssignment(tx, input.role, input.municipalityId ?? null, input.partyId ?? null);
      const user = await this.accounts.createUser(tx, {
        email,
        name: input.name.trim(),
        role: input.role,
        municipalityId: input.role === 'COORDINATOR' ? (input.municipalityId ?? null) : null,
        partyId: input.role === 'PROJECT_LEAD' ? (input.partyId ?? null) : null,
        passwordHash,
      });
      tx.record({ entity: 'user', entityId: user.id, operation: 'CREATE', before: null, after: loggable(user) });
      await this.audit.record(
        {
          action: 'USER_CREATED',
          outcome: 'SUCCESS',
          actorUserId: actor.userId,
          userId: user.id,
          email: user.email,
          address: actor.address,
          detail: { role: user.role, municipalityId: user.municipalityId, partyId: user.partyId },
        },
        tx,
      );
      return toUserModel(user);
    });
  }

  /**
   * Changes role, assignment, name or active flag. A change of role, municipality or party ends the
   * user's access tokens and closes their live connections on every instance at once (the dashboard
   * then refreshes into the new powers); deactivation also ends every session.
   */
  async updateUser(viewer: Principal | null, actor: AdminActor, input: UpdateUserInput): Promise<UserModel> {
    this.policy.require(viewer, { kind: 'MANAGE_USERS' });
    return this.write(actor, async (tx) => {
      const before = await this.accounts.userById(input.userId, tx);
      if (!before)
        throw new ApiError(ApiErrorCode.NOT_FOUND, `User ${input.userId} does not exist`, { field: 'userId' });
      if (viewer?.userId === before.id && (input.active === false || (input.role && input.role !== 'ADMIN'))) {
        throw badUserInput('userId', 'userId: you cannot deactivate or demote yourself', 'SELF_LOCKOUT');
      }
      const role = input.role ?? before.role;
      const municipalityId = role === 'COORDINATOR' ? (input.municipalityId ?? before.municipalityId) : null;
      const partyId = role === 'PROJECT_LEAD' ? (input.partyId ?? before.partyId) : null;
      await this.checkAssignment(tx, role, municipalityId, partyId);
      const patch = {
        role,
        municipalityId,
        partyId,
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.active !== undefined && { active: input.active }),
      };
      // An access token holds until the token version moves on: lost powers must not wait for it to expire.
      const expireAccessTokens =
        (input.active === false && before.active) ||
        role !== before.role ||
        municipalityId !== before.municipalityId ||
        partyId !== before.partyId;
      const after = await this.accounts.updateUserIfVersion(tx, before.id, input.expectedVersion, patch, {
        expireAccessTokens,
      });
      if (!after) throw conflict('user', toUserModel(before));
      if (input.active === false) await this.sessions.endAllOfUser(before.id, tx);
      if (expireAccessTokens) {
        const reason = input.active === false ? 'The account was deactivated' : 'The account’s role changed';
        await this.sessions.announceEnded({ userId: before.id, familyId: null, reason }, tx);
      }
      for (const { action, detail } of auditedChanges(before, after)) {
        await this.audit.record(
          {
            action,
            outcome: 'SUCCESS',
            actorUserId: actor.userId,
            userId: before.id,
            email: before.email,
            address: actor.address,
            detail,
          },
          tx,
        );
      }
      tx.record({
        entity: 'user',
        entityId: before.id,
        operation: 'UPDATE',
        before: loggable(before),
        after: loggable(after),
      });
      return toUserModel(after);
    });
  }

  private async write<T>(actor: Actor, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const programme = await this.programmes.currentProgramme();
    if (!programme) throw new ApiError(ApiErrorCode.NOT_FOUND, 'There is no action programme yet');
    return this.writer.write(actor, programme.id, work);
  }

  private async checkAssignment(
    tx: WriteTransaction,
    role: Role,
    municipalityId: string | null,
    partyId: string | null,
  ) {
    if (role === 'COORDINATOR') {
      const [municipality] = municipalityId ? await this.programmes.municipalitiesByIds([municipalityId], tx) : [];
      if (!municipality)
        throw badUserInput(
          'municipalityId',
          'municipalityId: a coordinator needs a municipality',
          'MISSING_MUNICIPALITY',
        );
    }
    if (role === 'PROJECT_LEAD') {
      const party = partyId ? await this.parties.partyById(partyId, tx) : null;
      if (!party) throw badUserInput('partyId', 'partyId: a project lead acts for a party', 'MISSING_PARTY');
    }
  }
}
