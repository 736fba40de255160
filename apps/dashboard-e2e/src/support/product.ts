import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { type BuiltTiltak, startBuiltTiltak } from './built-tiltak';

export interface Product {
  db: TestDatabase;
  tiltak: BuiltTiltak;
  browser: Browser;
}

/**
 * For a describe block: the built product on a fresh database, and Chromium to drive it, set up
 * before the tests and taken down after. Read the fields inside tests, once they are set.
 */
export function productInBrowser(): Product {
  const product = {} as Product;
  beforeAll(async () => {
    product.db = await createTestDatabase();
    product.tiltak = await startBuiltTiltak({ DATABASE_URL: product.db.url });
    product.browser = await launchChromium();
  });
  afterAll(async () => {
    await product.browser?.close();
    await product.tiltak?.stop();
    await product.db?.drop();
  });
  return product;
}

/** Sends GraphQL as the holder of `token` and returns the data, failing on any error. */
export function graphqlAs(url: string, token: string) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}
