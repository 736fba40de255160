/**
 * The file name the server gave in Content-Disposition (RFC 6266: `filename*` in UTF-8 wins over
 * the plain `filename`), or `fallback` when it gave none. Never a path: a name only.
 */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;]+)/.exec(disposition)?.[1];
  const base = name?.trim().split(/[/\\]/).pop();
  return base ? base : fallback;
}

export type FileDownload = { ok: true; blob: Blob; filename: string } | { ok: false; status: number };

/**
 * Fetches a file (a report, a spreadsheet) as the signed-in user, with the same Bearer token the
 * GraphQL link sends: a plain link would carry none. A network failure is status 0: the page says
 * it could not be fetched, with nothing saved.
 */
export async function fetchFile(
  url: string,
  token: string | null,
  fallbackName: string,
  fetcher: typeof fetch = fetch,
): Promise<FileDownload> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    return { ok: false, status: 0 };
  }
  if (!response.ok) return { ok: false, status: response.status };
  const blob = await response.blob();
  return { ok: true, blob, filename: filenameOf(response.headers.get('content-disposition'), fallbackName) };
}

/** Hands the file to the browser's own download, under its name. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click has run; the object URL is then only memory.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
