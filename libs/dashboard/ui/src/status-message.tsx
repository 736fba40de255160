import type { ReactNode } from 'react';

/** Loading and error notices that assistive technology announces without moving focus. */
export function StatusMessage({ kind, children }: { kind: 'loading' | 'error'; children: ReactNode }) {
  return kind === 'error' ? (
    <p role="alert" className="status status--error">
      {children}
    </p>
  ) : (
    <p role="status" className="status">
      {children}
    </p>
  );
}
