import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammeRepository } from '../repositories/programme.repository';
import { dataSourceOptions } from './data-source';

const REPOSITORIES = [ProgrammeRepository];

/** The TypeORM connection and the repositories that are the only code allowed to build queries. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(url))],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
