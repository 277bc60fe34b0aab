/**
 * Charts take turns to draw, one per frame: a page's first chart paints without waiting for the
 * heavier ones after it (总览's scatter and ranking of 5,920 units take most of a second each on
 * a slow machine), and the page stays responsive between them. The first in a quiet frame draws at once.
 */
const waiting: (() => void)[] = [];
let busy = false;

function next(): void {
  busy = false;
  const draw = waiting.shift();
  if (draw) take(draw);
}

function take(draw: () => void): void {
  busy = true;
  draw();
  // After the frame that shows this chart has been painted.
  requestAnimationFrame(() => setTimeout(next, 0));
}

/** Calls `draw` on this chart's turn; the returned function gives the turn up (the chart went away). */
export function drawInTurn(draw: () => void): () => void {
  if (!busy) {
    take(draw);
    return () => undefined;
  }
  waiting.push(draw);
  return () => {
    const at = waiting.indexOf(draw);
    if (at >= 0) waiting.splice(at, 1);
  };
}
