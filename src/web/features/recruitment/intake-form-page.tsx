// Stub: filled in by the recruitment work (issue 3).
export function IntakeFormPage() {
  return <h1>IntakeFormPage</h1>;
}
