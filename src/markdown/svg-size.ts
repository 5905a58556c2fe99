/** Reads an SVG's intrinsic size (width/height attributes, else its viewBox), rounded up to whole pixels. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0];
  if (!root) throw new Error('not an SVG document (no <svg> element)');
  const attr = (name: string) => root.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const px = (value: string | undefined) =>
    value && /^[\d.]+(px)?$/.test(value) ? Number.parseFloat(value) : undefined;
  let width = px(attr('width'));
  let height = px(attr('height'));
  const viewBox = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if ((width === undefined || height === undefined) && viewBox?.length === 4) {
    width ??= viewBox[2];
    height ??= viewBox[3];
  }
  if (!width || !height) throw new Error('SVG has neither a pixel width/height nor a viewBox');
  return { width: Math.ceil(width), height: Math.ceil(height) };
}
