import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawInTurn } from './draw-turns';

afterEach(() => vi.useRealTimers());

/** One frame (requestAnimationFrame's 16 ms) and the task after it. */
const nextFrame = () => vi.advanceTimersByTime(17);

describe('charts draw one per frame', () => {
  it('the first draws at once, the others after a frame each, in order; a chart that went away is skipped', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const drawn: string[] = [];
    drawInTurn(() => drawn.push('grades'));
    drawInTurn(() => drawn.push('scatter'));
    const giveUp = drawInTurn(() => drawn.push('gone'));
    drawInTurn(() => drawn.push('ranking'));
    expect(drawn).toEqual(['grades']);
    giveUp();
    nextFrame();
    expect(drawn).toEqual(['grades', 'scatter']);
    nextFrame();
    expect(drawn).toEqual(['grades', 'scatter', 'ranking']);
    // Quiet again after one more frame: the next chart draws at once.
    nextFrame();
    drawInTurn(() => drawn.push('later'));
    expect(drawn.at(-1)).toBe('later');
  });
});
