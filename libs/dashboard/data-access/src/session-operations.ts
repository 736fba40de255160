// Sign-in, refresh and sign-out, with the printer, in a chunk of their own: the first page a
// signed-out visitor opens needs these three and none of the other generated operations.
export { print } from 'graphql';
export { RefreshSessionDocument, SignInDocument, SignOutDocument } from './generated/operations';
