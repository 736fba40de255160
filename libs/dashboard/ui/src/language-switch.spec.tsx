import { jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { LanguageSwitch } from './language-switch';

const options = [
  { value: 'nb', label: 'Norsk bokmål', lang: 'nb-NO' },
  { value: 'en', label: 'English', lang: 'en-GB' },
];

describe('LanguageSwitch', () => {
  it('is a labelled control that reports the chosen language', () => {
    const onChange = jest.fn();
    render(<LanguageSwitch label="Språk" value="nb" options={options} onChange={onChange} />);

    const sut = screen.getByLabelText('Språk');
    fireEvent.change(sut, { target: { value: 'en' } });

    expect(onChange).toHaveBeenCalledWith('en');
  });

  it('marks each language name with its own language', () => {
    render(<LanguageSwitch label="Language" value="en" options={options} onChange={() => undefined} />);

    expect(screen.getByRole('option', { name: 'English' }).getAttribute('lang')).toBe('en-GB');
  });
});
