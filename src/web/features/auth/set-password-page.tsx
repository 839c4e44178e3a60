// Stub: filled in by the training work (issue 4).
export function SetPasswordPage() {
  return <h1>SetPasswordPage</h1>;
}
