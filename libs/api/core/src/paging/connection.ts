import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
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
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
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

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
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

/** A Relay-style connection type (`edges { node cursor }`, `pageInfo`, `totalCount`) for a node type. */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field(() => String)
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}
