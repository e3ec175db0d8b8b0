import { STEP_TITLES, type StepId } from '@/lib/merchants/onboarding-steps';

type Step = StepId | 'review';

/** "Step 2 of 4" as a list of the steps, the current one marked for assistive technology. */
export function StepIndicator({ steps, current }: { steps: readonly Step[]; current: Step }) {
  const at = steps.indexOf(current);
  return (
    <nav aria-label="Onboarding progress">
      <p className="text-sm font-medium text-slate-600">
        Step {at + 1} of {steps.length}
      </p>
      <ol className="mt-3 grid grid-cols-4 gap-2">
        {steps.map((s, i) => (
          <li key={s} aria-current={s === current ? 'step' : undefined}>
            <span className={`block h-1.5 rounded-full ${i <= at ? 'bg-indigo-600' : 'bg-slate-200'}`} />
            <span
              className={`mt-2 block text-xs font-medium sm:text-sm ${i === at ? 'text-indigo-700' : i < at ? 'text-slate-700' : 'text-slate-500'}`}
            >
              {STEP_TITLES[s]}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
