import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { IndicatorEntity, IndicatorValueEntity } from '../entities';

@Injectable()
export class IndicatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  indicatorsOfProgramme(programmeId: string, focusAreaId?: string): Promise<IndicatorEntity[]> {
    return this.dataSource.manager.find(IndicatorEntity, {
      where: { programmeId, ...(focusAreaId ? { focusAreaId } : {}) },
      order: { name: 'ASC' },
    });
  }

  indicatorById(id: string, manager = this.dataSource.manager): Promise<IndicatorEntity | null> {
    return manager.findOneBy(IndicatorEntity, { id });
  }

  valuesOfIndicators(indicatorIds: readonly string[]): Promise<IndicatorValueEntity[]> {
    return this.dataSource.manager.find(IndicatorValueEntity, {
      where: { indicatorId: In([...indicatorIds]) },
      order: { year: 'ASC' },
    });
  }

  value(indicatorId: string, municipalityId: string, year: number, manager = this.dataSource.manager) {
    return manager.findOneBy(IndicatorValueEntity, { indicatorId, municipalityId, year });
  }
}
