import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ROLES, type Role } from '@tiltak/domain';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RoleEnum } from '../models/user.model';
import { MIN_PASSWORD_LENGTH } from '../passwords';

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String, { description: 'Empty for users who have only signed in through single sign-on.' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field(() => String)
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for coordinators.' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @Field(() => ID, { nullable: true, description: 'Required for project leads.' })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Leave out to invite a user who signs in through single sign-on.',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  municipalityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  partyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False deactivates: the user’s tokens stop working at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
