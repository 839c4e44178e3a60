// Stub: filled in by the training work (issue 4).
export function RecoveryCoursePage() {
  return <h1>RecoveryCoursePage</h1>;
}
