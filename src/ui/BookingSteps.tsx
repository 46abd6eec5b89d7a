import { type RefObject, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import styles from './booking.module.css';

/**
 * The step list of a booking wizard (counter and facilities): one decision per screen. The step
 * lives in the address (?step=), with what was chosen so far, so the back button goes back one step.
 * An unknown or missing step is the first one.
 */
export function useBookingSteps<Step extends string>(steps: readonly [Step, ...Step[]]) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('step') as Step | null;
  const step: Step = requested && steps.includes(requested) ? requested : steps[0];
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new step replaces the screen: start screen readers (and the eye) at its heading, but not on arrival.
  const previousStep = useRef(step);
  useEffect(() => {
    if (previousStep.current !== step) headingRef.current?.focus();
    previousStep.current = step;
  }, [step]);

  /** Moves to a step, writing what was just chosen (e.g. { date }) into the address with it. */
  const go = (next: Step, chosen: Record<string, string> = {}) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set('step', next);
    for (const [key, value] of Object.entries(chosen)) nextParams.set(key, value);
    setParams(nextParams);
  };

  return { step, go, params, headingRef };
}

interface StepHeadingProps<Step extends string> {
  steps: readonly Step[];
  step: Step;
  titles: Record<Step, string>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** 「手順 2 / 5」 and the step's title, which takes the focus when the step changes. */
export function StepHeading<Step extends string>({ steps, step, titles, headingRef }: StepHeadingProps<Step>) {
  return (
    <>
      <p className={styles.progress}>
        手順 {steps.indexOf(step) + 1} / {steps.length}
      </p>
      <h2 ref={headingRef} tabIndex={-1}>
        {titles[step]}
      </h2>
    </>
  );
}
