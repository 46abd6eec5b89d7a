import { type ComponentProps, useId } from 'react';
import styles from './Fields.module.css';
import { useHydrated } from './useHydrated.ts';

interface FieldFrameProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

function describedBy(hintId: string, errorId: string, hint?: string, error?: string): string | undefined {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
}

function Messages({ hint, error, hintId, errorId }: { hint?: string | undefined; error?: string | undefined; hintId: string; errorId: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled text box with its hint and, after a failed check, its error right beside it. */
export function TextField({ label, hint, error, optional = false, disabled, ...input }: FieldFrameProps & ComponentProps<'input'>) {
  const id = useId();
  const hydrated = useHydrated();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {optional && <span className={styles.optional}>（なくても大丈夫です）</span>}
      </label>
      <Messages hint={hint} error={error} hintId={`${id}-hint`} errorId={`${id}-error`} />
      <input
        id={id}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        disabled={disabled === true || !hydrated}
        {...input}
      />
    </div>
  );
}

export function SelectField({ label, hint, error, children, disabled, ...select }: FieldFrameProps & ComponentProps<'select'>) {
  const id = useId();
  const hydrated = useHydrated();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <Messages hint={hint} error={error} hintId={`${id}-hint`} errorId={`${id}-error`} />
      <select
        id={id}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        disabled={disabled === true || !hydrated}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}
