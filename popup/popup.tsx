/** Minimal popup: names the product and the current tab. The full capture popup is issue 4. */
export function Popup() {
  return (
    <main aria-labelledby="roundup-heading" style={{ font: '14px system-ui, sans-serif', padding: '12px', minWidth: '280px' }}>
      <h1 id="roundup-heading" style={{ fontSize: '16px', margin: '0 0 8px' }}>
        Roundup
      </h1>
      <p style={{ margin: 0 }}>Capture is coming soon: this popup will file the current page into your draft issue.</p>
    </main>
  );
}
