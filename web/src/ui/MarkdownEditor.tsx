// A Markdown textarea with a Write / Preview toggle. The textarea stays in the form while
// previewing (hidden), so its value and label are never lost.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from './Markdown';
import type { ControlProps } from './Field';

export function MarkdownEditor({
  control,
  value,
  onChange,
  rows = 8,
  testId,
  maxLength,
  placeholder,
}: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  testId?: string;
  maxLength?: number;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  return (
    <div className="md-editor">
      <div className="md-editor__tabs" role="group" aria-label={t('ui.markdown.mode')}>
        <button type="button" className="tab" aria-pressed={!preview} onClick={() => setPreview(false)}>
          {t('ui.markdown.write')}
        </button>
        <button type="button" className="tab" aria-pressed={preview} onClick={() => setPreview(true)}>
          {t('ui.markdown.preview')}
        </button>
        <span className="md-editor__hint">{t('ui.markdown.supported')}</span>
      </div>
      <textarea
        {...control}
        className="input md-editor__input"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        hidden={preview}
        maxLength={maxLength}
        placeholder={placeholder}
      />
      {preview ? (
        <div className="md-editor__preview" aria-live="polite">
          {value.trim() ? <Markdown source={value} /> : <p className="muted">{t('ui.markdown.empty')}</p>}
        </div>
      ) : null}
    </div>
  );
}
