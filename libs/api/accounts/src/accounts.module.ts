import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuthenticationMiddleware } from './authentication.middleware';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { TokensService } from './tokens.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/** Users, sign-in (password and single sign-on), sessions, and who is asking on every request. */
@Module({
  controllers: [OidcController],
  providers: [
    TokensService,
    AuthService,
    AuthResolver,
    UsersService,
    UsersResolver,
    OidcService,
    AuthenticationMiddleware,
  ],
  exports: [TokensService],
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*path');
  }
}
