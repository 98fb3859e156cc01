export function Options() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '16px', maxWidth: '40rem' }}>
      <h1 style={{ fontSize: '18px' }}>Roundup settings</h1>
      <p>Settings arrive with the editor page.</p>
    </main>
  );
}
