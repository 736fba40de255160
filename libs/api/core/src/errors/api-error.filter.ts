import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ApiError } from './api-error';

/**
 * Refusals Tiltak means to give (bad input, conflicts, missing records) go straight to the client;
 * Nest would otherwise log each one as an unexpected server error.
 */
@Catch(ApiError)
export class ApiErrorFilter implements GqlExceptionFilter {
  catch(error: ApiError): ApiError {
    return error;
  }
}
