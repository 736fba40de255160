import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { UserEntity } from '@tiltak/api-data-access';
import { ROLES, type Role } from '@tiltak/domain';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'ADMIN: everything. SECRETARIAT: runs the programme in every municipality, no user administration. COUNCIL: reads all. ELECTED: reads the programme and reports, no personal data. COORDINATOR: steers one municipality’s actions. PROJECT_LEAD: updates what their party leads.',
});

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true })
  municipalityId: string | null;

  @Field(() => ID, { nullable: true })
  partyId: string | null;

  @Field(() => Boolean)
  active: boolean;

  @Field(() => Int)
  version: number;
}

export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    municipalityId: user.municipalityId,
    partyId: user.partyId,
    active: user.active,
    version: user.version,
  };
}

@ObjectType('Session', { description: 'A short-lived access token; send it as `Authorization: Bearer …`.' })
export class SessionModel {
  @Field(() => String)
  accessToken: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}
