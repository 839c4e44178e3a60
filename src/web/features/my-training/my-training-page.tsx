// Stub: filled in by the training work (issue 4).
export function MyTrainingPage() {
  return <h1>MyTrainingPage</h1>;
}
