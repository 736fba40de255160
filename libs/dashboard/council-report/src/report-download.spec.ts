import { reportUrl } from './report-download';

describe('the council report download', () => {
  it('asks the API for one snapshot, format and language', () => {
    expect(reportUrl('a b/1', 'docx', 'en')).toBe('/documents/council-report/a%20b%2F1?format=docx&lang=en');
  });
});
