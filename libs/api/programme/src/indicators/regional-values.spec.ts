import { regionalFromRegister, regionalFromTyped } from './regional-values';

describe('regional values', () => {
  const region = ['eidsvoll', 'nes', 'hurdal'];

  it('adds up a year every municipality reported, exactly as PostgreSQL summed it', () => {
    const [sut] = regionalFromTyped(
      [{ indicatorId: 'i', year: 2025, sum: '10.30', municipalityIds: region }],
      region,
      true,
    );
    expect(sut).toMatchObject({ value: 10.3, method: 'SUM_OF_MUNICIPALITIES', reportedMunicipalityCount: 3 });
  });

  it('gives no total for a year some municipalities have not reported, and names them', () => {
    const [sut] = regionalFromTyped(
      [{ indicatorId: 'i', year: 2026, sum: '4', municipalityIds: ['nes'] }],
      region,
      true,
    );
    expect(sut).toMatchObject({
      value: null,
      method: 'INCOMPLETE',
      missingMunicipalityIds: ['eidsvoll', 'hurdal'],
      sumOfMunicipalValues: 4,
    });
  });

  it('gives no total for a unit that does not add up', () => {
    const [sut] = regionalFromTyped(
      [{ indicatorId: 'i', year: 2025, sum: '150', municipalityIds: region }],
      region,
      false,
    );
    expect(sut).toMatchObject({ value: null, method: 'NOT_SUMMABLE' });
  });

  it('counts a network once in the region, whatever the municipal counts add up to', () => {
    const [sut] = regionalFromRegister([{ year: 2025, networkIds: ['a', 'b'], sumOfMunicipalCounts: 5 }], region);
    expect(sut).toMatchObject({
      value: 2,
      method: 'DISTINCT_IN_REGISTER',
      sumOfMunicipalValues: 5,
      networkIds: ['a', 'b'],
    });
  });
});
