import { I18nProvider } from '@tiltak/dashboard-i18n';
import { render } from '@testing-library/react';
import { Content } from './content';

describe('Content', () => {
  it('marks the programme’s Norwegian text as Norwegian on an English page', () => {
    const { container } = render(
      <I18nProvider initialLocale="en">
        <h1>
          <Content>Smarte samfunn</Content>
        </h1>
      </I18nProvider>,
    );

    expect(container.querySelector('[lang]')?.outerHTML).toBe('<span lang="nb-NO">Smarte samfunn</span>');
  });

  it('adds nothing on a Norwegian page', () => {
    const { container } = render(
      <I18nProvider initialLocale="nb">
        <h1>
          <Content>Smarte samfunn</Content>
        </h1>
      </I18nProvider>,
    );

    expect(container.innerHTML).toBe('<h1>Smarte samfunn</h1>');
  });
});
