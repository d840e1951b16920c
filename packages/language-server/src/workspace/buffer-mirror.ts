/**
 * The open buffers the project index reads instead of the disk, as the lint worker must see them too: a worker
 * thread has a project index of its own. Each request to the worker carries what changed since the worker last
 * heard; a worker started afresh (after idling, or dying) gets every buffer.
 */
export class BufferMirror {
  private readonly buffers = new Map<string, string>();
  /** Changes the worker `mirroredIn` has not seen yet (`null`: the buffer was closed, read the disk again). */
  private readonly unsent = new Map<string, string | null>();
  private mirroredIn: number | undefined;

  /** `text` undefined: the buffer closed. */
  set(file: string, text: string | undefined): void {
    if (text === undefined) this.buffers.delete(file);
    else this.buffers.set(file, text);
    this.unsent.set(file, text ?? null);
  }

  /** What worker `instance` must apply before linting; from then on it counts as having seen it. */
  changesFor(instance: number): Record<string, string | null> {
    const changes = Object.fromEntries(instance === this.mirroredIn ? this.unsent : this.buffers);
    this.unsent.clear();
    this.mirroredIn = instance;
    return changes;
  }
}
