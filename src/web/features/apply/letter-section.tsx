import type { ChangeEvent } from 'react';
import { Button, Field, Fieldset, Heading, Input, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { LETTER_FILE_MAX_BYTES, LETTER_MIN_CHARS, letterPrompts } from '../../../shared/contracts/recruitment.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldId } from '../../ui/form-errors.tsx';
import type { Placed } from './apply-errors.tsx';
import { letterLength, type ApplyValues, type LetterPrompt } from './apply-values.ts';

const maxMb = LETTER_FILE_MAX_BYTES / 1024 / 1024;
const fileExtensions = ['.pdf', '.docx', '.odt'];

interface Props {
  letter: ApplyValues['letter'];
  onLetter: (letter: ApplyValues['letter']) => void;
  file: File | null;
  /** A file the browser already refused (by name or size), with the reason. */
  fileHint: string | null;
  onFile: (file: File | null, hint: string | null) => void;
  placed: Placed;
}

/** The personal letter: five guided questions to write in, and a file instead or as well. */
export function LetterSection({ letter, onLetter, file, fileHint, onFile, placed }: Props) {
  const t = useT();
  const count = letterLength(letter);

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    if (!chosen) return onFile(null, null);
    // A quick hint only: the server judges the file by its content.
    const named = fileExtensions.some((ext) => chosen.name.toLowerCase().endsWith(ext));
    const hint = !named ? t('apply.file.wrongType') : chosen.size > LETTER_FILE_MAX_BYTES ? t('apply.file.tooLarge', { maxMb }) : null;
    if (hint) event.target.value = '';
    onFile(hint ? null : chosen, hint);
  };

  const removeFile = () => {
    resetFileInput();
    onFile(null, null);
  };

  const fileError = fileHint ?? placed.letterFile;

  return (
    <section aria-labelledby="apply-letter" className="pb-stack">
      <Heading level={2} data-size="sm" id="apply-letter">
        {t('apply.letter.heading')}
      </Heading>
      <Paragraph>{t('apply.letter.intro', { min: LETTER_MIN_CHARS })}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('apply.letter.writeLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('apply.letter.writeHint')}</Fieldset.Description>
        {letterPrompts.map((prompt) => (
          <PromptField
            key={prompt}
            prompt={prompt}
            value={letter[prompt]}
            onChange={(text) => onLetter({ ...letter, [prompt]: text })}
            error={placed[`letter-${prompt}`]}
          />
        ))}
        <Paragraph data-size="sm" id="apply-letter-count">
          {t('apply.letter.count', { count, min: LETTER_MIN_CHARS })}
        </Paragraph>
        {placed.letter && <ValidationMessage>{placed.letter}</ValidationMessage>}
      </Fieldset>

      <Field>
        <Label htmlFor={fieldId('letterFile')}>{t('apply.file.label')}</Label>
        <Field.Description>{t('apply.file.hint', { maxMb })}</Field.Description>
        <Input
          id={fieldId('letterFile')}
          type="file"
          accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
          onChange={chooseFile}
          aria-invalid={fileError ? true : undefined}
        />
        {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
      </Field>
      {file && (
        <div className="pb-actions">
          <Paragraph data-size="sm">{t('apply.file.chosen', { name: file.name, size: formatSize(file.size) })}</Paragraph>
          <Button variant="tertiary" data-size="sm" onClick={removeFile}>
            {t('apply.file.remove')}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The file input is left uncontrolled (browsers allow no other way); this empties it. */
export function resetFileInput(): void {
  const input = document.getElementById(fieldId('letterFile'));
  if (input instanceof HTMLInputElement) input.value = '';
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function PromptField({ prompt, value, onChange, error }: { prompt: LetterPrompt; value: string; onChange: (v: string) => void; error?: string }) {
  const t = useT();
  const id = fieldId(`letter-${prompt}`);
  return (
    <Field>
      <Label htmlFor={id}>{t(`apply.letter.${prompt}.label`)}</Label>
      <Field.Description>{t(`apply.letter.${prompt}.hint`)}</Field.Description>
      <Textarea id={id} rows={5} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      {error && <ValidationMessage>{error}</ValidationMessage>}
      <Paragraph data-size="xs" data-field="description">
        {t('apply.letter.chars', { count: value.trim().length })}
      </Paragraph>
    </Field>
  );
}
