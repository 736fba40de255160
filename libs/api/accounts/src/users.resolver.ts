import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorOf, type AuthenticatedRequest, CurrentViewer } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { CreateUserInput, UpdateUserInput } from './dto/auth.inputs';
import { UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Query(() => [UserModel], { description: 'Every user, by name. Admins only.' })
  users(@CurrentViewer() viewer: Principal | null): Promise<UserModel[]> {
    return this.usersService.users(viewer);
  }

  @Mutation(() => UserModel, { description: 'Creates a user, with a password or as an invitation to single sign-on.' })
  createUser(
    @Args('input') input: CreateUserInput,
    @CurrentViewer() viewer: Principal | null,
    @Context() { req }: { req: AuthenticatedRequest },
  ): Promise<UserModel> {
    return this.usersService.createUser(viewer, { ...actorOf(req), address: req.ip ?? null }, input);
  }

  @Mutation(() => UserModel, { description: 'Changes a user’s role, municipality, party, name or active flag.' })
  updateUser(
    @Args('input') input: UpdateUserInput,
    @CurrentViewer() viewer: Principal | null,
    @Context() { req }: { req: AuthenticatedRequest },
  ): Promise<UserModel> {
    return this.usersService.updateUser(viewer, { ...actorOf(req), address: req.ip ?? null }, input);
  }
}
