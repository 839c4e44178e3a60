// Stub: filled in by the recruitment work (issue 3).
export function ApplicationStatusPage() {
  return <h1>ApplicationStatusPage</h1>;
}
