import type { ChangeEvent, ReactNode } from 'react';
import buttonStyles from './Button.module.css';
import styles from './FileButton.module.css';
import { useHydrated } from './useHydrated.ts';

interface FileButtonProps {
  accept: string;
  onFile: (file: File) => void;
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}

/**
 * A file chooser that looks and measures like a button. The native input is visually hidden but
 * stays focusable and named by the label, so keyboards and screen readers reach it as usual.
 */
export function FileButton({ accept, onFile, children, variant = 'secondary' }: FileButtonProps) {
  // As every control: a photo chosen before the app has taken the page over would be lost.
  const hydrated = useHydrated();
  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same photo again still reports a change.
    event.target.value = '';
    if (file) onFile(file);
  }
  return (
    <label className={[buttonStyles.button, buttonStyles[variant], styles.fileButton].join(' ')}>
      <input type="file" accept={accept} className="visually-hidden" onChange={handleChange} disabled={!hydrated} />
      {children}
    </label>
  );
}
