export function Options() {
  return (
    <main className="options">
      <h1>SmartAPI Companion</h1>
    </main>
  );
}
