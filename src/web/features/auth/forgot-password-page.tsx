// Stub: filled in by the training work (issue 4).
export function ForgotPasswordPage() {
  return <h1>ForgotPasswordPage</h1>;
}
