import { digestTime, mailDueOn, type RoundCalendar } from './mail';

const round: RoundCalendar = {
  openedOn: '2026-09-01',
  deadline: '2026-09-30',
  reminderDaysBefore: [7, 1],
  reminderDaysAfter: [1],
};

describe('mailDueOn', () => {
  it.each([
    ['2026-09-01', 'ROUND_OPENED'],
    ['2026-09-02', null],
    ['2026-09-22', null],
    ['2026-09-23', 'REMINDER'],
    ['2026-09-29', 'REMINDER'],
    ['2026-09-30', 'REMINDER'],
    ['2026-10-01', 'REMINDER'],
    ['2026-10-02', null],
  ])('on %s: %s', (today, expected) => {
    expect(mailDueOn(round, today)).toBe(expected);
  });

  it('sends the opening mail, not a reminder, when a round opens on a reminder day', () => {
    expect(mailDueOn({ ...round, openedOn: '2026-09-29' }, '2026-09-29')).toBe('ROUND_OPENED');
  });

  it('counts calendar days across the change to winter time', () => {
    expect(mailDueOn({ ...round, deadline: '2026-10-26', reminderDaysBefore: [2] }, '2026-10-24')).toBe('REMINDER');
  });
});

describe('digestTime', () => {
  it('starts at seven in the morning in Oslo, in summer and in winter', () => {
    expect(digestTime(new Date('2026-06-30T04:59:00Z'))).toBe(false);
    expect(digestTime(new Date('2026-06-30T05:00:00Z'))).toBe(true);
    expect(digestTime(new Date('2026-12-01T05:59:00Z'))).toBe(false);
    expect(digestTime(new Date('2026-12-01T06:00:00Z'))).toBe(true);
    expect(digestTime(new Date('2026-12-01T22:59:00Z'))).toBe(true);
    expect(digestTime(new Date('2026-12-01T23:00:00Z'))).toBe(false);
  });
});
