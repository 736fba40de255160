import { LANGUAGES, type Language, type MailKind, ROLES, type Role } from '@tiltak/domain';
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
  Unique,
} from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';
import { PartyEntity } from './party.entity';
import { sqlList } from './sql';

/** Someone who signs in to Tiltak. Coordinators belong to a municipality, project leads act for a party. */
@Entity('app_user')
@Unique('UQ_app_user_email', ['email'])
@Check('CHK_app_user_email', `"email" = lower("email") AND "email" LIKE '%_@_%'`)
@Check('CHK_app_user_language', `"language" IN (${sqlList(LANGUAGES)})`)
@Check('CHK_app_user_role', `"role" IN (${sqlList(ROLES)})`)
@Check('CHK_app_user_coordinator', `"role" <> 'COORDINATOR' OR "municipality_id" IS NOT NULL`)
@Check('CHK_app_user_project_lead', `"role" <> 'PROJECT_LEAD' OR "party_id" IS NOT NULL`)
@Check('CHK_app_user_oidc_identity', `("oidc_issuer" IS NULL) = ("oidc_subject" IS NULL)`)
@Index('UQ_app_user_oidc_identity', ['oidcIssuer', 'oidcSubject'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_app_user' })
  id: string;

  /** Always stored in lower case, so an address is unique whatever case people type it in. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'FK_app_user_municipality' })
  municipality: Relation<MunicipalityEntity> | null;

  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'FK_app_user_party' })
  party: Relation<PartyEntity> | null;

  /** argon2id; null for users who only sign in through the municipality's identity provider. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  /**
   * The identity provider and its subject (`sub`) this user signed in as the first time: later
   * single sign-ons match on these, never again on the e-mail address.
   */
  @Column({ name: 'oidc_issuer', type: 'varchar', length: 300, nullable: true })
  oidcIssuer: string | null;

  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true })
  oidcSubject: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Moves on when the user's role, assignment, password or active flag changes: older access tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 1 })
  tokenVersion: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The language Tiltak writes to this user in. */
  @Column({ type: 'varchar', length: 2, default: 'nb' })
  language: Language;

  /** Kinds of mail this user stopped. */
  @Column({ name: 'mail_opt_outs', type: 'text', array: true, default: '{}' })
  mailOptOuts: MailKind[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
