import { fetchFile, filenameOf } from './file-download';

describe('a file fetched with the session', () => {
  it('takes the file name the server gives, the UTF-8 one first', () => {
    expect(filenameOf('attachment; filename="rapport.pdf"', 'x')).toBe('rapport.pdf');
    expect(
      filenameOf('attachment; filename="rapport.pdf"; filename*=UTF-8\'\'Rapport%20til%20regionr%C3%A5det.pdf', 'x'),
    ).toBe('Rapport til regionrådet.pdf');
    expect(filenameOf('attachment; filename=plain.docx', 'x')).toBe('plain.docx');
  });

  it('keeps a name only, never a path, and falls back when there is none', () => {
    expect(filenameOf('attachment; filename="../../etc/rapport.pdf"', 'x')).toBe('rapport.pdf');
    expect(filenameOf('attachment', 'fallback.pdf')).toBe('fallback.pdf');
    expect(filenameOf(null, 'fallback.pdf')).toBe('fallback.pdf');
  });

  it('sends the token and hands back the file and its name', async () => {
    const seen: { url: string; authorization: string | undefined }[] = [];
    const sut = (async (url: string, init?: RequestInit) => {
      seen.push({ url, authorization: (init?.headers as Record<string, string>)['authorization'] });
      return new Response('%PDF-1.7', {
        headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="r.pdf"' },
      });
    }) as typeof fetch;

    const got = await fetchFile('/documents/council-report/s1?format=pdf&lang=nb', 'token-1', 'x.pdf', sut);

    expect(seen).toEqual([{ url: '/documents/council-report/s1?format=pdf&lang=nb', authorization: 'Bearer token-1' }]);
    expect(got.ok && got.filename).toBe('r.pdf');
    expect(got.ok && (await got.blob.text())).toBe('%PDF-1.7');
  });

  it('says the status of a refusal, and 0 when the API could not be reached', async () => {
    const refused = (async () => new Response('{}', { status: 403 })) as typeof fetch;
    const away = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;

    await expect(fetchFile('/u', 't', 'x', refused)).resolves.toEqual({ ok: false, status: 403 });
    await expect(fetchFile('/u', 't', 'x', away)).resolves.toEqual({ ok: false, status: 0 });
  });
});
