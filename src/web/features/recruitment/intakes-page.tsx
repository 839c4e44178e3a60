// Stub: filled in by the recruitment work (issue 3).
export function IntakesPage() {
  return <h1>IntakesPage</h1>;
}
