// Stub: filled in by the recruitment work (issue 3).
export function ConfirmUpdatePage() {
  return <h1>ConfirmUpdatePage</h1>;
}
