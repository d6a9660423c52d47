/** The planner's "Fixed fleet" box: hold every automatically sized pool at its replicas at today's load. */
export function FixedFleetBox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox" title="Hold every automatically sized pool at its replicas at today's load, as a fleet without an autoscaler">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> Fixed fleet
    </label>
  );
}
