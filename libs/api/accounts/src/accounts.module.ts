import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { VIEWER_RESOLVER } from '@tiltak/api-core';
import { AuthenticationMiddleware } from './authentication.middleware';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { TokensService } from './tokens.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';
import { ViewerResolverService } from './viewer-resolver.service';

/** Users, sign-in (password and single sign-on), sessions, and who is asking on every request. */
@Global()
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
    { provide: VIEWER_RESOLVER, useClass: ViewerResolverService },
  ],
  exports: [TokensService, VIEWER_RESOLVER],
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*path');
  }
}
