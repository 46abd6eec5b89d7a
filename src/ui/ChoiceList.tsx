import { type ComponentProps, type ReactNode, useId } from 'react';
import styles from './ChoiceList.module.css';
import { useHydrated } from './useHydrated.ts';

interface ChoiceProps extends Omit<ComponentProps<'input'>, 'type' | 'children'> {
  type: 'radio' | 'checkbox';
  /** What the row says, in bold. */
  children: ReactNode;
  /** A second line in plain weight. */
  hint?: string | undefined;
  /** A short state after the label, framed (「空き」「予約済み」). */
  status?: string | undefined;
}

/**
 * One check box or radio button as a full-width row: the whole row is the target, the mark is large,
 * and a chosen row is framed and tinted. The input stays a real input, so keyboards and screen readers
 * meet what they expect.
 */
export function Choice({ type, children, hint, status, disabled, ...input }: ChoiceProps) {
  const hydrated = useHydrated();
  return (
    <label className={styles.choice}>
      <input type={type} disabled={disabled === true || !hydrated} {...input} />
      <span className={styles.text}>
        <span className={styles.label}>{children}</span>
        {status && <span className={styles.status}>{status}</span>}
        {hint && <span className={styles.hint}>{hint}</span>}
      </span>
    </label>
  );
}

/** The rows of a choice list, one under another. */
export function Choices({ children }: { children: ReactNode }) {
  return <div className={styles.list}>{children}</div>;
}

interface ChoiceFieldsetProps {
  legend: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** A question and its choices: the legend names the group, an error stands right under it. */
export function ChoiceFieldset({ legend, error, children }: ChoiceFieldsetProps) {
  const id = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {error && (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      )}
      <Choices>{children}</Choices>
    </fieldset>
  );
}

interface ChoiceGroupProps<Value extends string> {
  legend: string;
  name: string;
  options: { value: Value; label: string; hint?: string }[];
  value: Value | null;
  onChange: (value: Value) => void;
  error?: string | undefined;
}

/** Radio buttons: one answer of several. */
export function ChoiceGroup<Value extends string>({ legend, name, options, value, onChange, error }: ChoiceGroupProps<Value>) {
  return (
    <ChoiceFieldset legend={legend} error={error}>
      {options.map((option) => (
        <Choice
          key={option.value}
          type="radio"
          name={name}
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
          aria-invalid={error ? true : undefined}
          hint={option.hint}
        >
          {option.label}
        </Choice>
      ))}
    </ChoiceFieldset>
  );
}
