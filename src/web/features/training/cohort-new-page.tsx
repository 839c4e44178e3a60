// Stub: filled in by the training work (issue 4).
export function NewCohortPage() {
  return <h1>NewCohortPage</h1>;
}
