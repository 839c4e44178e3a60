// Stub: filled in by the training work (issue 4).
export function LeadingPage() {
  return <h1>LeadingPage</h1>;
}
