import { isKroner, MAX_KRONER, sourceNeedsMunicipality, sourceNeedsName } from './funding';

describe('funding rules', () => {
  it('takes whole, non-negative kroner up to the limit', () => {
    expect([0, 1, 2_500_000, MAX_KRONER].map(isKroner)).toEqual([true, true, true, true]);
    expect([-1, 1.5, MAX_KRONER + 1, Number.NaN, '100', null].map(isKroner)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('asks a municipal share for its municipality, and other, private and EU money for a name', () => {
    expect(sourceNeedsMunicipality('MUNICIPALITY')).toBe(true);
    expect(sourceNeedsMunicipality('COUNTY')).toBe(false);
    expect(['OTHER', 'PRIVATE', 'EU', 'COUNTY', 'INNOVASJON_NORGE'].map((s) => sourceNeedsName(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
