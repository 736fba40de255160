import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { VIEWER_RESOLVER } from '@tiltak/api-core';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { AuditLogService } from './audit/audit-log.service';
import { AuthenticationMiddleware } from './authentication.middleware';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { ExpiredSignIns } from './expired-sign-ins';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SignInThrottle } from './sign-in-throttle';
import { TokensService } from './tokens.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';
import { ViewerResolverService } from './viewer-resolver.service';

/** Users, sign-in (password and single sign-on), sessions, the audit log, and who is asking on every request. */
@Global()
@Module({
  controllers: [OidcController],
  providers: [
    TokensService,
    SignInThrottle,
    AuthService,
    AuthResolver,
    UsersService,
    UsersResolver,
    OidcService,
    AuditLogService,
    AuditLogResolver,
    AuthenticationMiddleware,
    ExpiredSignIns,
    { provide: VIEWER_RESOLVER, useClass: ViewerResolverService },
  ],
  exports: [TokensService, VIEWER_RESOLVER],
})
export class AccountsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware).forRoutes('*path');
  }
}
