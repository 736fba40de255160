import { useId } from 'react';

export interface LanguageOption {
  value: string;
  label: string;
  /** BCP 47 tag, so a screen reader pronounces each language's own name correctly. */
  lang: string;
}

export interface LanguageSwitchProps {
  label: string;
  value: string;
  options: LanguageOption[];
  onChange(value: string): void;
}

export function LanguageSwitch({ label, value, options, onChange }: LanguageSwitchProps) {
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
