/** The weights of the Brønnøysund register's modulus 11 check over an organisation number's first eight digits. */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Whether `value` is a Norwegian organisation number: nine digits whose last is the modulus 11
 * check digit of the others (a remainder that would need the check digit 10 makes no valid number).
 */
export function isOrganisationNumber(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * (digits[i] as number), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits[8];
}
