import { useEffect, useId, useState } from 'react';

/** Limits of a numeric field; the message names the first one broken. */
export interface NumberRule {
  min?: number;
  /** The minimum itself is not allowed (a latency must be above 0). */
  aboveMin?: boolean;
  max?: number;
  integer?: boolean;
  /** A further check, with its message, e.g. p99 >= p50. */
  check?: (value: number) => string | null;
}

/** Why a typed value is not acceptable, or null. */
export function numberProblem(text: string, rule: NumberRule, optional = false): string | null {
  if (text.trim() === '') return optional ? null : 'is required';
  const value = Number(text);
  if (!Number.isFinite(value)) return 'must be a number';
  if (rule.integer && !Number.isInteger(value)) return 'must be a whole number';
  if (rule.min !== undefined && (rule.aboveMin ? value <= rule.min : value < rule.min)) return `must be ${rule.aboveMin ? '>' : '>='} ${rule.min}`;
  if (rule.max !== undefined && value > rule.max) return `must be <= ${rule.max}`;
  return rule.check?.(value) ?? null;
}

interface NumberFieldProps {
  label: string;
  unit?: string;
  value: number | undefined;
  rule?: NumberRule;
  /** Empty is allowed and means "not set". */
  optional?: boolean;
  onCommit: (value: number | undefined) => void;
  placeholder?: string;
}

/**
 * A number input that commits every valid value as the person types (the
 * figures update live) and shows why an invalid one is refused, keeping the
 * last valid value in the document.
 */
export function NumberField({ label, unit, value, rule = {}, optional = false, onCommit, placeholder }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(value === undefined ? '' : String(value));
  }, [value, focused]);
  const problem = numberProblem(text, rule, optional);
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          inputMode="decimal"
          value={text}
          placeholder={placeholder}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            if (numberProblem(next, rule, optional) === null) onCommit(next.trim() === '' ? undefined : Number(next));
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </div>
      {problem && (
        <div className="field-problem" id={`${id}-problem`} role="alert">
          {label} {problem}
        </div>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string | undefined;
  onCommit: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}

/** A text input committing as the person types; required fields refuse to be emptied. */
export function TextField({ label, value, onCommit, multiline, required, maxLength = 10_000 }: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(value ?? '');
  }, [value, focused]);
  const problem = required && text.trim() === '' ? `${label} must not be empty` : null;
  const props = {
    id,
    value: text,
    maxLength,
    'aria-invalid': problem ? true : undefined,
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const next = e.currentTarget.value;
      setText(next);
      if (!required || next.trim() !== '') onCommit(next);
    },
  };
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
      {problem && <div className="field-problem" role="alert">{problem}</div>}
    </div>
  );
}

/** A labelled select. */
export function SelectField<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/** Figures as a list of name and value, the way the inspector shows an estimate. */
export function FigureList({ label, rows }: { label: string; rows: readonly (readonly [string, React.ReactNode])[] }) {
  return (
    <dl className="figures" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
