import { svgSize } from '../src/markdown/svg-size.ts';

/**
 * Mermaid sizes its SVG to the page (width="100%", style="max-width: …"). As a
 * standalone <img> source it needs a fixed pixel size: take it from the viewBox.
 */
export function fitSvg(svg: string): string {
  return svg.replace(/<svg\b[^>]*>/, (root) => {
    const stripped = root
      .replace(/\s(width|height)="[^"]*"/g, '')
      .replace(/\sstyle="[^"]*"/, '');
    const { width, height } = svgSize(stripped);
    return stripped.replace(/^<svg/, `<svg width="${width}" height="${height}"`);
  }) + '\n';
}
