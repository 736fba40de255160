import { type Caller, CurrentCaller } from '@tiltak/api-core';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IndicatorModel, IndicatorValueModel, toIndicatorValueModel } from '../models/indicator.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import {
  CreateIndicatorInput,
  IndicatorsArgs,
  SetIndicatorValueInput,
  UpdateIndicatorInput,
} from './dto/indicator.inputs';
import { IndicatorsService } from './indicators.service';

@Resolver(() => IndicatorModel)
export class IndicatorsResolver {
  constructor(
    private readonly indicatorsService: IndicatorsService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => [IndicatorModel], { description: 'Measured effects with baseline, target and yearly values.' })
  indicators(@Args() { focusAreaId }: IndicatorsArgs): Promise<IndicatorModel[]> {
    return this.indicatorsService.indicators(focusAreaId);
  }

  @ResolveField(() => [IndicatorValueModel], { description: 'Yearly values per municipality, oldest first.' })
  async values(@Parent() indicator: IndicatorModel, @LoaderScope() scope: object): Promise<IndicatorValueModel[]> {
    return (await this.loaders.for(scope).indicatorValues.load(indicator.id)).map(toIndicatorValueModel);
  }

  @Mutation(() => IndicatorModel)
  createIndicator(
    @Args('input') input: CreateIndicatorInput,
    @CurrentCaller() caller: Caller,
  ): Promise<IndicatorModel> {
    return this.indicatorsService.createIndicator(caller, input);
  }

  @Mutation(() => IndicatorModel)
  updateIndicator(
    @Args('input') input: UpdateIndicatorInput,
    @CurrentCaller() caller: Caller,
  ): Promise<IndicatorModel> {
    return this.indicatorsService.updateIndicator(caller, input);
  }

  @Mutation(() => IndicatorValueModel)
  setIndicatorValue(
    @Args('input') input: SetIndicatorValueInput,
    @CurrentCaller() caller: Caller,
  ): Promise<IndicatorValueModel> {
    return this.indicatorsService.setIndicatorValue(caller, input);
  }
}
