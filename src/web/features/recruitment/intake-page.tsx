// Stub: filled in by the recruitment work (issue 3).
export function IntakePage() {
  return <h1>IntakePage</h1>;
}
