// The rules live beside the queries they read, so a snapshot counts the region's values as the dashboard does.
export { type RegionalValue, regionalFromRegister, regionalFromTyped } from '@tiltak/api-data-access';
