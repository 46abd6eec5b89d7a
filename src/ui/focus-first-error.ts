import type { FormEvent } from 'react';

/**
 * After a submit that found problems: moves focus to the form's first field marked
 * aria-invalid, once React has drawn the messages, so keyboard and screen-reader users land on it.
 */
export function focusFirstError(event: FormEvent): void {
  const form = event.currentTarget;
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
