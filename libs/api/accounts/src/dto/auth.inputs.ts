import { EmailField, ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '@tiltak/domain';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RoleEnum } from '../models/user.model';

@ArgsType()
export class LoginArgs {
  @TextField({ max: 254 })
  email: string;

  @TextField({ max: 200 })
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @TextField({
    description: 'Empty for users without a password, who must have signed in through single sign-on just before.',
    max: 200,
  })
  currentPassword: string;

  @Field(() => String)
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

@InputType()
export class CreateUserInput {
  @EmailField()
  email: string;

  @TextField({ min: 1, max: 200 })
  name: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @IdField({ nullable: true, description: 'Required for coordinators.' })
  municipalityId?: string;

  @IdField({ nullable: true, description: 'Required for project leads.' })
  partyId?: string;

  @TextField({
    nullable: true,
    description: 'Leave out to invite a user who signs in through single sign-on.',
    min: MIN_PASSWORD_LENGTH,
    max: 200,
  })
  password?: string;
}

@InputType()
export class UpdateUserInput {
  @IdField()
  userId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IdField({ nullable: true })
  municipalityId?: string | null;

  @IdField({ nullable: true })
  partyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False deactivates: the user’s tokens stop working at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
