import { isMunicipalitySlug, MUNICIPALITY_SLUGS } from './municipality';

describe('municipalities', () => {
  it('are the six owners of the plan', () => {
    expect(MUNICIPALITY_SLUGS).toHaveLength(6);
  });

  it('does not take a neighbouring region for a municipality', () => {
    expect(isMunicipalitySlug('nes')).toBe(true);
    expect(isMunicipalitySlug('lillestrom')).toBe(false);
  });
});
