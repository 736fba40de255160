import { Args, ArgsType, Field, Float, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '@tiltak/api-core';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { ProgressExplanationModel } from '../models/action.model';
import { AdoptionModel } from '../models/indicator.model';
import { FocusAreaModel } from '../models/focus-area.model';
import { ProgressCellModel } from '../models/matrix.model';
import { MunicipalityModel } from '../models/municipality.model';
import { ProgrammeModel, ProgrammeStandingModel } from '../models/programme.model';
import { LoaderScope, RequestLoaders } from '../loaders/request-loaders';
import {
  CreateFocusAreaInput,
  ExplainProgressArgs,
  SetAdoptionInput,
  UpdateFocusAreaInput,
} from './dto/programme.inputs';
import { ProgrammeService } from './programme.service';
import { ProgressService } from './progress.service';

@ArgsType()
class SlugArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(100)
  slug: string;
}

@ArgsType()
class IdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@Resolver()
export class ProgrammeResolver {
  constructor(
    private readonly programmeService: ProgrammeService,
    private readonly progressService: ProgressService,
    private readonly loaders: RequestLoaders,
  ) {}

  @Query(() => ProgrammeModel, {
    nullable: true,
    description: 'The programme period being read: the current one, or the one the Tiltak-Period header names.',
  })
  currentProgramme(): Promise<ProgrammeModel | null> {
    return this.programmeService.currentProgramme();
  }

  @Query(() => [MunicipalityModel], { description: 'The municipalities of the programme’s region, by name.' })
  municipalities(): Promise<MunicipalityModel[]> {
    return this.programmeService.municipalities();
  }

  @Query(() => MunicipalityModel, { nullable: true })
  municipality(@Args() { slug }: SlugArgs): Promise<MunicipalityModel | null> {
    return this.programmeService.municipality(slug);
  }

  @Query(() => [FocusAreaModel], { description: 'The programme’s focus areas, in the plan’s order.' })
  focusAreas(): Promise<FocusAreaModel[]> {
    return this.programmeService.focusAreas();
  }

  @Query(() => FocusAreaModel, { nullable: true })
  focusArea(@Args() { id }: IdArgs): Promise<FocusAreaModel | null> {
    return this.programmeService.focusArea(id);
  }

  @Query(() => [ProgressCellModel], {
    description:
      'Every municipality × focus area cell, computed in one SQL statement on the municipalities’ own figures.',
  })
  progressMatrix(@LoaderScope() scope: object): Promise<ProgressCellModel[]> {
    return this.progressService.matrix(this.loaders.for(scope));
  }

  @Query(() => ProgressExplanationModel, {
    description: 'How a progress figure was computed: the programme’s, a municipality’s, a focus area’s or a cell’s.',
  })
  progressExplanation(@Args() scope: ExplainProgressArgs): Promise<ProgressExplanationModel> {
    return this.progressService.explain(scope);
  }

  @Query(() => [AdoptionModel], { description: 'The municipalities’ political decisions on the programme.' })
  adoptions(): Promise<AdoptionModel[]> {
    return this.programmeService.adoptions();
  }

  @Mutation(() => FocusAreaModel)
  createFocusArea(
    @Args('input') input: CreateFocusAreaInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FocusAreaModel> {
    return this.programmeService.createFocusArea(caller, input);
  }

  @Mutation(() => FocusAreaModel)
  updateFocusArea(
    @Args('input') input: UpdateFocusAreaInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FocusAreaModel> {
    return this.programmeService.updateFocusArea(caller, input);
  }

  @Mutation(() => AdoptionModel)
  setAdoption(@Args('input') input: SetAdoptionInput, @CurrentCaller() caller: Caller): Promise<AdoptionModel> {
    return this.programmeService.setAdoption(caller, input);
  }
}

@Resolver(() => ProgrammeModel)
export class ProgrammeFieldsResolver {
  constructor(
    private readonly progressService: ProgressService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Weighted progress of every matrix cell, on the municipalities’ own figures.',
  })
  progress(): Promise<number | null> {
    return this.progressService.programmeProgress();
  }

  @ResolveField(() => ProgrammeStandingModel, {
    description: 'Expected progress by today, and the actions by health and staleness.',
  })
  standing(@LoaderScope() scope: object): Promise<ProgrammeStandingModel> {
    return this.progressService.standing(this.loaders.for(scope));
  }
}

@Resolver(() => FocusAreaModel)
export class FocusAreaFieldsResolver {
  constructor(
    private readonly progressService: ProgressService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Weighted progress of its column of the matrix, on the municipalities’ own figures.',
  })
  progress(@Parent() area: FocusAreaModel, @LoaderScope() scope: object): Promise<number | null> {
    return this.progressService.focusAreaProgress(this.loaders.for(scope), area.id);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Weighted expected progress of its actions by today, rolled up as `progress` is.',
  })
  expectedProgress(@Parent() area: FocusAreaModel, @LoaderScope() scope: object): Promise<number | null> {
    return this.progressService.focusAreaExpected(this.loaders.for(scope), area.id);
  }
}

@Resolver(() => MunicipalityModel)
export class MunicipalityFieldsResolver {
  constructor(
    private readonly progressService: ProgressService,
    private readonly loaders: RequestLoaders,
  ) {}

  @ResolveField(() => Float, { nullable: true, description: 'Weighted progress of its actions, on its own figures.' })
  progress(@Parent() municipality: MunicipalityModel, @LoaderScope() scope: object): Promise<number | null> {
    return this.progressService.municipalityProgress(this.loaders.for(scope), municipality.id);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Weighted expected progress of its actions by today, on its own statuses, rolled up as `progress` is.',
  })
  expectedProgress(@Parent() municipality: MunicipalityModel, @LoaderScope() scope: object): Promise<number | null> {
    return this.progressService.municipalityExpected(this.loaders.for(scope), municipality.id);
  }
}
