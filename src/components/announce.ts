/** Says a short message to screen readers through the page's one polite live region (in Base.astro). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes a repeated message ("Copied", "Copied") be read again.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}
