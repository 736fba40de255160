import { MUNICIPALITY_SLUGS } from './municipality';

describe('municipalities', () => {
  it('are the six owners of the plan, each named once', () => {
    expect(MUNICIPALITY_SLUGS).toHaveLength(6);
    expect(new Set(MUNICIPALITY_SLUGS).size).toBe(6);
  });
});
