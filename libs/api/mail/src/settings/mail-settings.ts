import { Inject, Injectable } from '@nestjs/common';
import { Args, Field, InputType, Mutation, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import {
  ApiError,
  ApiErrorCode,
  APP_CONFIG,
  type AppConfig,
  badUserInput,
  CurrentViewer,
  OwnAccountOperation,
  PublicOperation,
} from '@tiltak/api-core';
import { MailRepository } from '@tiltak/api-data-access';
import { LANGUAGES, type Language, MAIL_KINDS, type MailKind, type Principal } from '@tiltak/domain';
import { ArrayMaxSize, IsIn } from 'class-validator';
import { readStopMailToken } from './stop-mail-token';

export const MailKindEnum = Object.fromEntries(MAIL_KINDS.map((k) => [k, k])) as Record<MailKind, MailKind>;
registerEnumType(MailKindEnum, {
  name: 'MailKind',
  description: 'ROUND_OPENED (a reporting round opened), REMINDER (a deadline is near, today, or passed).',
});
export const LanguageEnum = Object.fromEntries(LANGUAGES.map((l) => [l, l])) as Record<Language, Language>;
registerEnumType(LanguageEnum, { name: 'Language', description: 'nb (bokmål), nn (nynorsk), en (English).' });

@ObjectType('MailSettings', { description: 'Which mail the signed-in user gets, and in which language.' })
export class MailSettingsModel {
  @Field(() => LanguageEnum)
  language: Language;

  @Field(() => [MailKindEnum], { description: 'The kinds of mail the user stopped.' })
  stopped: MailKind[];
}

@InputType('MailSettingsInput')
export class MailSettingsInput {
  @Field(() => LanguageEnum)
  @IsIn(LANGUAGES)
  language: Language;

  @Field(() => [MailKindEnum])
  @ArrayMaxSize(MAIL_KINDS.length)
  @IsIn(MAIL_KINDS, { each: true })
  stopped: MailKind[];
}

@ObjectType('StoppedMail', { description: 'What a stop link in a mail stopped.' })
export class StoppedMailModel {
  @Field(() => MailKindEnum)
  kind: MailKind;
}

function signedIn(viewer: Principal | null): Principal {
  if (!viewer) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Sign in to do this.', { reason: 'SIGNED_OUT' });
  return viewer;
}

/** Each user's own mail settings, and the one-click stop link in every mail. */
@Injectable()
export class MailSettingsService {
  constructor(
    private readonly mail: MailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(viewer: Principal | null): Promise<MailSettingsModel> {
    const [own] = await this.mail.preferences([signedIn(viewer).userId]);
    if (!own) throw new ApiError(ApiErrorCode.NOT_FOUND, 'No such user.');
    return { language: own.language, stopped: own.optOuts };
  }

  async change(viewer: Principal | null, input: MailSettingsInput): Promise<MailSettingsModel> {
    const { userId } = signedIn(viewer);
    const stopped = MAIL_KINDS.filter((kind) => input.stopped.includes(kind));
    await this.mail.setPreferences(userId, input.language, stopped);
    return { language: input.language, stopped };
  }

  /** Stops the kind of mail a stop link names, for the user it names; no sign-in needed. */
  async stop(token: string): Promise<StoppedMailModel> {
    const named = token.length <= 300 ? readStopMailToken(this.config.auth.secret, token) : null;
    if (!named || !(await this.mail.stop(named.userId, named.kind))) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, 'This stop link is not valid.', { reason: 'INVALID_LINK' });
    }
    return { kind: named.kind };
  }
}

@Resolver()
export class MailSettingsResolver {
  constructor(private readonly settings: MailSettingsService) {}

  @Query(() => MailSettingsModel, { description: 'The signed-in user’s mail settings.' })
  mailSettings(@CurrentViewer() viewer: Principal | null): Promise<MailSettingsModel> {
    return this.settings.of(viewer);
  }

  @OwnAccountOperation()
  @Mutation(() => MailSettingsModel, { description: 'Sets the signed-in user’s mail language and stopped kinds.' })
  updateMailSettings(
    @Args('input') input: MailSettingsInput,
    @CurrentViewer() viewer: Principal | null,
  ): Promise<MailSettingsModel> {
    return this.settings.change(viewer, input);
  }

  @PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
  @Mutation(() => StoppedMailModel, { description: 'Stops one kind of mail, from the link at the foot of a mail.' })
  stopMail(@Args('token', { type: () => String }) token: string): Promise<StoppedMailModel> {
    if (token.length > 300) throw badUserInput('token', 'token: is not a stop link');
    return this.settings.stop(token);
  }
}
