import { isOrganisationNumber } from './organisation-number';

describe('isOrganisationNumber', () => {
  it('accepts numbers whose check digit holds', () => {
    // Brønnøysundregistrene, Skatteetaten and DNB as the register lists them.
    for (const number of ['974760673', '974761076', '984851006']) expect(isOrganisationNumber(number)).toBe(true);
  });

  it('refuses a wrong check digit, other lengths and anything but digits', () => {
    for (const number of ['974760674', '97476067', '9747606730', '97476067a', ' 974760673', '']) {
      expect(isOrganisationNumber(number)).toBe(false);
    }
  });

  it('refuses a number whose check digit would have to be 10', () => {
    // 3·4 = 12 leaves 1 over 11: the check digit would be 11 − 1 = 10.
    const sum = (digits: number[]) => digits.reduce((t, d, i) => t + d * ([3, 2, 7, 6, 5, 4, 3, 2][i] as number), 0);
    const first = [4, 0, 0, 0, 0, 0, 0, 0];
    expect(sum(first) % 11).toBe(1);
    for (let last = 0; last <= 9; last++) expect(isOrganisationNumber(`${first.join('')}${last}`)).toBe(false);
  });
});
