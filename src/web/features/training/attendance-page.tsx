// Stub: filled in by the training work (issue 4).
export function AttendancePage() {
  return <h1>AttendancePage</h1>;
}
