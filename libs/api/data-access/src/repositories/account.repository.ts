import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { UserEntity } from '../entities';
import { updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

export type UserFields = Pick<UserEntity, 'email' | 'name' | 'role' | 'municipalityId' | 'partyId' | 'passwordHash'>;

export type UserPatch = Partial<Pick<UserEntity, 'name' | 'role' | 'municipalityId' | 'partyId' | 'active'>>;

/** Users, their passwords and their single sign-on identities. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  userById(id: string, scope: QueryScope = this.dataSource.manager): Promise<UserEntity | null> {
    return managerOf(scope).findOneBy(UserEntity, { id });
  }

  createUser(tx: WriteTransaction, fields: UserFields): Promise<UserEntity> {
    return managerOf(tx).save(managerOf(tx).create(UserEntity, fields));
  }

  /**
   * The user after the patch, or null when it is no longer at `expectedVersion`. With
   * `expireAccessTokens` the token version moves on, so access tokens already issued stop working.
   */
  updateUserIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: UserPatch,
    { expireAccessTokens }: { expireAccessTokens: boolean },
  ): Promise<UserEntity | null> {
    return updateIfVersion(tx, UserEntity, { id }, expectedVersion, {
      ...patch,
      ...(expireAccessTokens && { tokenVersion: () => 'token_version + 1' }),
    });
  }

  /** Sets a new password hash and expires the access tokens already issued. */
  async replacePassword(userId: string, passwordHash: string, scope: QueryScope): Promise<void> {
    await managerOf(scope).update(
      UserEntity,
      { id: userId },
      { passwordHash, tokenVersion: () => 'token_version + 1', version: () => 'version + 1' },
    );
  }

  userByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
  }

  /** The stored argon2 hash, which ordinary reads never load. */
  async passwordHashOf(userId: string): Promise<string | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .select('u.password_hash', 'hash')
      .where('u.id = :userId', { userId })
      .getRawOne<{ hash: string | null }>();
    return row?.hash ?? null;
  }

  allUsers(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { order: { name: 'ASC' } });
  }

  /** Active project leads, with the party they act for: whom a coordinator can name on an action. */
  activeProjectLeads(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, {
      where: { role: 'PROJECT_LEAD', active: true },
      relations: { party: true },
      order: { name: 'ASC' },
    });
  }

  /** The user who signed in through `issuer` as `subject` before. */
  userBySingleSignOn(issuer: string, subject: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { oidcIssuer: issuer, oidcSubject: subject });
  }

  /**
   * Ties a user to the provider's subject at their first single sign-on; false when the user is
   * already tied to another (or another user holds this one), so the e-mail address alone never
   * hands over an account that has signed in through the provider before.
   */
  async bindSingleSignOn(userId: string, issuer: string, subject: string): Promise<boolean> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ oidcIssuer: issuer, oidcSubject: subject })
      .where('id = :userId AND oidc_subject IS NULL', { userId })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM app_user other WHERE other.oidc_issuer = :issuer AND other.oidc_subject = :subject)',
        { issuer, subject },
      )
      .execute();
    return result.affected === 1;
  }
}
