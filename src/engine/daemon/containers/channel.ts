// A queue with an async iterator on one side: how a container's output reaches the HTTP answers
// that stream it (`attach`, `logs --follow`, `wait`, `exec start`). The producer pushes chunks and
// ends it; the consumer iterates. When the consumer goes away early — the docker CLI drops the
// `wait` of `docker run -d`, a user interrupts `docker logs -f` — `return()` runs the channel's
// `onCancel` at once, so nothing keeps writing into a connection nobody reads.

export class Channel<T> implements AsyncIterable<T> {
  private readonly queue: T[] = [];
  private ended = false;
  private wake: (() => void) | undefined;
  private cancelHooks: (() => void)[] = [];

  /** Add a chunk; ignored once the channel has ended. */
  push(item: T): void {
    if (this.ended) return;
    this.queue.push(item);
    this.wake?.();
  }

  /** No more chunks: the consumer sees the end after what is queued. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Run `hook` if the consumer stops before the end (a dropped connection). */
  onCancel(hook: () => void): void {
    this.cancelHooks.push(hook);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async (): Promise<IteratorResult<T>> => {
        while (this.queue.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        if (this.queue.length > 0) return { done: false, value: this.queue.shift() as T };
        return { done: true, value: undefined };
      },
      return: async (): Promise<IteratorResult<T>> => {
        const hooks = this.ended ? [] : this.cancelHooks;
        this.ended = true;
        this.queue.length = 0;
        this.cancelHooks = [];
        this.wake?.();
        for (const hook of hooks) hook();
        return { done: true, value: undefined };
      },
    };
  }
}
