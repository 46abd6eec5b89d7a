import { Component, type ReactNode } from 'react';
import { RouteError } from './RouteError.tsx';

interface Props {
  children: ReactNode;
  /** The address shown: the error screen stays only at the address that failed. */
  at?: string;
}

interface State {
  error: unknown;
  failedAt: string | undefined;
}

/**
 * Catches a screen that fails to draw (or whose code could not be fetched) and shows RouteError in
 * its place. Moving to another address draws that screen again. Not a key on the address: that
 * would mount a new Suspense boundary on every move, which shows nothing while the next screen's
 * code arrives instead of keeping the last screen.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failedAt: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failedAt: undefined };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error === null) return null;
    if (state.failedAt === undefined) return { failedAt: props.at ?? '' };
    return state.failedAt === (props.at ?? '') ? null : { error: null, failedAt: undefined };
  }

  override componentDidCatch(error: unknown): void {
    // For staff and developers in the console; never onto the screen.
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : <RouteError />;
  }
}
