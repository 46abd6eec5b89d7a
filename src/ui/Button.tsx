import type { ComponentProps } from 'react';
import { Link } from 'react-router';
import styles from './Button.module.css';
import { useHydrated } from './useHydrated.ts';

type Variant = 'primary' | 'secondary';

function buttonClass(variant: Variant, className: string | undefined): string {
  return [styles.button, styles[variant], className].filter(Boolean).join(' ');
}

/** A button whose words say what happens (「予約する」), at least 44 px tall in every text size. */
export function Button({ variant = 'primary', className, type = 'button', disabled, ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  const hydrated = useHydrated();
  return <button type={type} className={buttonClass(variant, className)} disabled={disabled === true || !hydrated} {...props} />;
}

/** A link that looks like a button, for moves inside the portal. */
export function ButtonLink({ variant = 'primary', className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
