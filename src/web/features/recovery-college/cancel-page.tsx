// Stub: filled in by the training work (issue 4).
export function CancelEnrolmentPage() {
  return <h1>CancelEnrolmentPage</h1>;
}
