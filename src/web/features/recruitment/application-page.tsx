// Stub: filled in by the recruitment work (issue 3).
export function ApplicationPage() {
  return <h1>ApplicationPage</h1>;
}
