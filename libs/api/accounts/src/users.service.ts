import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, badUserInput, conflict, PolicyService } from '@tiltak/api-core';
import {
  AccountRepository,
  type Actor,
  PartyRepository,
  ProgrammeRepository,
  ProgrammeWriter,
  type UserEntity,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import type { Principal, Role } from '@tiltak/domain';
import { type UserModel, toUserModel } from './models/user.model';
import { hashPassword } from './passwords';
import type { CreateUserInput, UpdateUserInput } from './dto/auth.inputs';

/** Fields of a user the change log may hold: never the password hash. */
function loggable(user: UserEntity) {
  return toUserModel(user);
}

/** User administration, for admins only. */
@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly parties: PartyRepository,
    private readonly writer: ProgrammeWriter,
    private readonly policy: PolicyService,
  ) {}

  async users(viewer: Principal | null): Promise<UserModel[]> {
    this.policy.require(viewer, { kind: 'MANAGE_USERS' });
    return (await this.accounts.allUsers()).map(toUserModel);
  }

  async createUser(viewer: Principal | null, actor: Actor, input: CreateUserInput): Promise<UserModel> {
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
      return toUserModel(user);
    });
  }

  /** Changes role, assignment, name or active flag; deactivation revokes every token at once. */
  async updateUser(viewer: Principal | null, actor: Actor, input: UpdateUserInput): Promise<UserModel> {
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
      // An access token holds until the token version moves on: a lost role must not wait for it to expire.
      const expireAccessTokens = input.active === false || role !== before.role;
      const after = await this.accounts.updateUserIfVersion(tx, before.id, input.expectedVersion, patch, {
        expireAccessTokens,
      });
      if (!after) throw conflict('user', toUserModel(before));
      if (input.active === false) await this.accounts.revokeAllOfUser(before.id, tx);
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
