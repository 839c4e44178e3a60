// Stub: filled in by the recruitment work (issue 3).
export function OpenIntakesPage() {
  return <h1>OpenIntakesPage</h1>;
}
