// Stub: filled in by the recruitment work (issue 3).
export function MyInterviewsPage() {
  return <h1>MyInterviewsPage</h1>;
}
