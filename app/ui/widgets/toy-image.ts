/**
 * A small procedural RGB picture (sky, sun, hills, a house) for the image widgets.
 * Drawn, not loaded, so the widgets need no asset and tests get the same pixels.
 * Values are in [0, 1], indexed [row][col][channel].
 */
export function toyImage(size = 32): number[][][] {
  const s = size;
  return Array.from({ length: s }, (_, r) =>
    Array.from({ length: s }, (_, c) => {
      const y = r / s;
      const x = c / s;
      const sun = (x - 0.75) ** 2 + (y - 0.22) ** 2 < 0.012;
      const hill = y > 0.62 + 0.08 * Math.sin(x * 6.3);
      const house = x > 0.18 && x < 0.42 && y > 0.5 && y < 0.78;
      const roof = y <= 0.5 && y > 0.34 && Math.abs(x - 0.3) < (y - 0.34) * 0.9;
      const door = x > 0.27 && x < 0.33 && y > 0.64 && y < 0.78;
      if (door) return [0.35, 0.2, 0.1];
      if (house) return [0.92, 0.85, 0.7];
      if (roof) return [0.75, 0.15, 0.12];
      if (sun) return [1, 0.82, 0.2];
      if (hill) return [0.2, 0.55 + 0.2 * (1 - y), 0.25];
      return [0.45 + 0.3 * y, 0.65 + 0.2 * y, 0.95];
    }),
  );
}

/** CSS colour of an RGB pixel in [0, 1]. */
export function rgb(pixel: readonly number[]): string {
  const [r = 0, g = 0, b = 0] = pixel.map((v) => Math.round(Math.max(0, Math.min(1, v)) * 255));
  return `rgb(${r}, ${g}, ${b})`;
}
