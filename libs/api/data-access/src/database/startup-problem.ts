/**
 * Something that keeps Tiltak from starting and that whoever runs it can put right. The message is
 * one plain sentence naming the cause and the fix; it is printed as it is, without a stack trace.
 */
export class StartupProblem extends Error {
  override readonly name = 'StartupProblem';
}
