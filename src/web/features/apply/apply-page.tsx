// Stub: filled in by the recruitment work (issue 3).
export function ApplyPage() {
  return <h1>ApplyPage</h1>;
}
