import { type Caller, CurrentCaller } from '@tiltak/api-core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IndicatorModel, IndicatorValueModel } from '../models/indicator.model';
import {
  CreateIndicatorInput,
  IndicatorArgs,
  IndicatorsArgs,
  SetIndicatorValueInput,
  UpdateIndicatorInput,
} from './dto/indicator.inputs';
import { IndicatorsService } from './indicators.service';

@Resolver(() => IndicatorModel)
export class IndicatorsResolver {
  constructor(private readonly indicatorsService: IndicatorsService) {}

  @Query(() => [IndicatorModel], { description: 'Measured effects with baseline, target and yearly values.' })
  indicators(@Args() { focusAreaId }: IndicatorsArgs): Promise<IndicatorModel[]> {
    return this.indicatorsService.indicators(focusAreaId);
  }

  @Query(() => IndicatorModel, {
    nullable: true,
    description:
      'One indicator: for reading how its values and regional totals were made (networks, missing municipalities).',
  })
  indicator(@Args() { id }: IndicatorArgs): Promise<IndicatorModel | null> {
    return this.indicatorsService.indicator(id);
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
