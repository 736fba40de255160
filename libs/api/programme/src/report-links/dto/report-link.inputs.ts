import { EmailField, ExpectedVersionField, IdField, IdListField, TextField } from '@tiltak/api-core';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ACTION_STATUSES, type ActionStatus, HEALTHS, type Health } from '@tiltak/domain';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ActionStatusEnum, HealthEnum } from '../../models/enums';
import type { ReportLinkLanguage } from '../report-link-mail';
import { ReportLinkLanguageEnum } from '../report-link.model';

@InputType({ description: 'To a party’s contact person (partyId), or to an address typed (email and name).' })
export class SendReportLinkInput {
  @IdField()
  reportId: string;

  @IdField({ nullable: true })
  partyId?: string | null;

  @EmailField({ nullable: true })
  email?: string | null;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string | null;

  @Field(() => ReportLinkLanguageEnum, { nullable: true, description: 'Of the mail; bokmål when left out.' })
  @IsOptional()
  @IsIn(['nb', 'en'])
  language?: ReportLinkLanguage | null;
}

@InputType({ description: 'A report as a link holder saves or submits it.' })
export class LinkedReportInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => ActionStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number | null;

  @Field(() => HealthEnum, { nullable: true })
  @IsOptional()
  @IsIn(HEALTHS)
  health?: Health | null;

  @TextField({ nullable: true, max: 10_000 })
  narrative?: string | null;

  @IdListField({ nullable: true, description: 'Open milestones of the action this report completes.' })
  completeMilestoneIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True submits; otherwise the report is kept as a draft.' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean | null;
}

@ArgsType()
export class ReportIdArgs {
  @IdField()
  reportId: string;
}

@ArgsType()
export class ActionIdArgs {
  @IdField()
  actionId: string;
}

@ArgsType()
export class LinkIdArgs {
  @IdField()
  linkId: string;
}

@ArgsType()
export class LinkTokenArgs {
  @Field(() => String, { description: 'The token from the link, as it stands after /report/.' })
  @IsString()
  @MaxLength(100)
  token: string;
}
