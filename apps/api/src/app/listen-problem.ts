import { StartupProblem } from '@tiltak/api-data-access';

/** The sentence for a port the API cannot listen on, or undefined for other failures. */
export function listenProblem(error: unknown, host: string, port: number): StartupProblem | undefined {
  switch ((error as { code?: unknown } | undefined)?.code) {
    case 'EADDRINUSE':
      return new StartupProblem(
        `Port ${port} on ${host} is already in use (perhaps by another Tiltak); stop what uses it, or set PORT to a free port.`,
      );
    case 'EACCES':
      return new StartupProblem(
        `Tiltak may not listen on port ${port} (ports below 1024 need extra rights); set PORT to 1024 or higher.`,
      );
    case 'EADDRNOTAVAIL':
      return new StartupProblem(
        `This machine has no address ${host} to listen on; set HOST to one of its addresses, or to 0.0.0.0 for all of them.`,
      );
    default:
      return undefined;
  }
}
