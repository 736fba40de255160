import { isComputedSource, registerKindOf, sourceReferenceProblem, ssbTableUrl } from './effects';

describe('indicator sources', () => {
  it('computes the register indicators and types the others', () => {
    expect(registerKindOf('NETWORK_REGISTER')).toBe('NETWORK');
    expect(registerKindOf('CLUSTER_REGISTER')).toBe('CLUSTER');
    expect(['MANUAL', 'SSB', 'OTHER'].map((s) => isComputedSource(s as 'MANUAL'))).toEqual([false, false, false]);
  });

  it.each([
    ['SSB', '07459', null],
    ['SSB', '7459', 'SSB_TABLE_ID'],
    ['SSB', '074590', 'SSB_TABLE_ID'],
    ['SSB', 'abcde', 'SSB_TABLE_ID'],
    ['SSB', null, 'SSB_TABLE_ID'],
    ['OTHER', 'Kommunenes egne tall', null],
    ['OTHER', null, 'REFERENCE_REQUIRED'],
    ['NETWORK_REGISTER', null, null],
    ['CLUSTER_REGISTER', '07459', 'NO_REFERENCE_FOR_REGISTER'],
    ['MANUAL', null, null],
    ['MANUAL', 'Spørreundersøkelse', null],
  ] as const)('%s with reference %s: %s', (source, reference, problem) => {
    expect(sourceReferenceProblem(source, reference)).toBe(problem);
  });

  it('links an SSB table to its StatBank page', () => {
    expect(ssbTableUrl('07459')).toBe('https://www.ssb.no/statbank/table/07459');
  });
});
