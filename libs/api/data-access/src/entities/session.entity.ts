import { SIGN_IN_METHODS, type SignInMethod } from '@tiltak/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { sqlList } from './sql';
import { UserEntity } from './user.entity';

/**
 * One sign-in and everything refreshed from it: the session the server ends after 30 minutes
 * without a refresh, 12 hours after it began, or when the user signs out. Access tokens name it
 * (`sid`), so a session that ended refuses its access tokens at once.
 */
@Entity('token_family')
@Check('CHK_token_family_method', `"method" IN (${sqlList(SIGN_IN_METHODS)})`)
@Index('IDX_token_family_user', ['userId'])
@Index('IDX_token_family_last_used', ['lastUsedAt'])
export class TokenFamilyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_token_family' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_token_family_user' })
  user: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 20 })
  method: SignInMethod;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  /** When the person last proved who they are: at sign-in, or the provider's own `auth_time`. */
  @Column({ name: 'authenticated_at', type: 'timestamptz', default: () => 'now()' })
  authenticatedAt: Date;

  /** The sign-in or the latest refresh; the idle limit counts from here. */
  @Column({ name: 'last_used_at', type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}

/**
 * One refresh token. Tokens rotate on every use within a family (one sign-in); presenting a token
 * that was already used means it was stolen or replayed, and the whole family is revoked.
 */
@Entity('refresh_token')
@Index('UQ_refresh_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_refresh_token_family', ['familyId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_refresh_token' })
  id: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @ManyToOne(() => TokenFamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id', foreignKeyConstraintName: 'FK_refresh_token_family' })
  family: Relation<TokenFamilyEntity>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_refresh_token_user' })
  user: Relation<UserEntity>;

  /** SHA-256 of the token; the token itself only ever exists in the user's cookie. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Sign-in attempts per key in a window, shared by every API instance. An attempt is counted
 * before its password is checked and taken back when the password was right, so `failures` holds
 * the failed attempts plus those still being checked.
 */
@Entity('login_throttle')
@Index('IDX_login_throttle_window', ['windowStartedAt'])
export class LoginThrottleEntity {
  /** `pair:<email> <ip>`, `account:<email>` or `address:<ip>`. */
  @Column({ type: 'varchar', length: 400, primary: true, primaryKeyConstraintName: 'PK_login_throttle' })
  key: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;
}
