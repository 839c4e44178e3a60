// Stub: filled in by the training work (issue 4).
export function CataloguePage() {
  return <h1>CataloguePage</h1>;
}
