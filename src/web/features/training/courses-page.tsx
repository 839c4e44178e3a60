// Stub: filled in by the training work (issue 4).
export function TrainingPage() {
  return <h1>TrainingPage</h1>;
}
