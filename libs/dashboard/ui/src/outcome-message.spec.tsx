import { render, screen } from '@testing-library/react';
import { OutcomeMessage } from './outcome-message';

describe('OutcomeMessage', () => {
  it('takes focus when a message appears, so the user hears what their change did', () => {
    const { rerender } = render(<OutcomeMessage text={null} />);
    const sut = screen.getByRole('status');
    expect(document.activeElement).not.toBe(sut);

    rerender(<OutcomeMessage text="Oppdateringen er lagret." />);

    expect(document.activeElement).toBe(sut);
    expect(sut.textContent).toBe('Oppdateringen er lagret.');
  });

  it('takes focus again for the next message, after the last one was cleared', () => {
    const { rerender } = render(<OutcomeMessage text="Lagret." />);
    const sut = screen.getByRole('status');
    sut.blur();

    rerender(<OutcomeMessage text={null} />);
    rerender(<OutcomeMessage text="Lagret." refused />);

    expect(document.activeElement).toBe(sut);
    expect(sut.className).toContain('status--error');
  });
});
