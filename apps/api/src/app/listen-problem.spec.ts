import { StartupProblem } from '@tiltak/api-data-access';
import { listenProblem } from './listen-problem';

const failure = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

describe('the sentence for a port the API cannot listen on', () => {
  it('names the port and the fix for each way listening fails', () => {
    expect(listenProblem(failure('EADDRINUSE'), '127.0.0.1', 3000)).toEqual(
      new StartupProblem(
        'Port 3000 on 127.0.0.1 is already in use (perhaps by another Tiltak); stop what uses it, or set PORT to a free port.',
      ),
    );
    expect(listenProblem(failure('EACCES'), '0.0.0.0', 80)?.message).toBe(
      'Tiltak may not listen on port 80 (ports below 1024 need extra rights); set PORT to 1024 or higher.',
    );
    expect(listenProblem(failure('EADDRNOTAVAIL'), '10.9.9.9', 3000)?.message).toBe(
      'This machine has no address 10.9.9.9 to listen on; set HOST to one of its addresses, or to 0.0.0.0 for all of them.',
    );
  });

  it('leaves other failures alone, so they keep their stack', () => {
    expect(listenProblem(failure('EMFILE'), '127.0.0.1', 3000)).toBeUndefined();
    expect(listenProblem(undefined, '127.0.0.1', 3000)).toBeUndefined();
  });
});
