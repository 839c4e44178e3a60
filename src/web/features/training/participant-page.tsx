// Stub: filled in by the training work (issue 4).
export function ParticipantPage() {
  return <h1>ParticipantPage</h1>;
}
