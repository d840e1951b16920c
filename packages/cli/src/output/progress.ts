/** Minimum time between two redraws, so a fast run does not spend its time painting. */
const REDRAW_MS = 100;

export interface Progress {
  update(done: number): void;
  end(): void;
}

const silent: Progress = { update() {}, end() {} };

/** "files done / total" on one line of stderr, redrawn in place; silent unless stderr is a terminal. */
export function progressOn(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY || total === 0) return silent;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      drawn = true;
      stream.write(`\rauth-status-lint: ${done}/${total} files`);
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
