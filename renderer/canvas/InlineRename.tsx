/** A text field that renames something in place: Enter or leaving the field keeps the name, Escape cancels. */
export function InlineRename({ value, label, className, onDone }: { value: string; label: string; className: string; onDone: (name: string | null) => void }) {
  const finish = (text: string) => {
    const trimmed = text.trim().slice(0, 120);
    onDone(trimmed && trimmed !== value ? trimmed : null);
  };
  return (
    <input
      className={`${className} nodrag`}
      aria-label={label}
      defaultValue={value}
      autoFocus
      onBlur={(e) => finish(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(e.currentTarget.value);
        if (e.key === 'Escape') onDone(null);
        e.stopPropagation();
      }}
    />
  );
}
