import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badUserInput } from '../errors/api-error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many to return, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;
}

export interface Page {
  offset: number;
  limit: number;
}

/** Cursors are opaque to clients: base64 of the position in the ordered list. */
export function pageOf(args: PageArgs): Page {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!args.after) return { offset: 0, limit };
  const decoded = /^o:(\d{1,9})$/.exec(Buffer.from(args.after, 'base64url').toString());
  if (!decoded) throw badUserInput('after', 'after: is not a cursor this API gave out');
  return { offset: Number(decoded[1]) + 1, limit };
}

export function cursorAt(position: number): string {
  return Buffer.from(`o:${position}`).toString('base64url');
}

/** Where a page ends and whether another follows, shared by every paged list of the schema. */
@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function toConnection<T>(nodes: T[], page: Page, totalCount: number): Connection<T> {
  const edges = nodes.map((node, index) => ({ node, cursor: cursorAt(page.offset + index) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: page.offset + nodes.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
