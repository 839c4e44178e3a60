// Stub: filled in by the training work (issue 4).
export function CohortPage() {
  return <h1>CohortPage</h1>;
}
