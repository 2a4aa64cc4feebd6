// The host side of the transport, one implementation per kind of parent: Electron's
// utilityProcess gives the child `process.parentPort`; Node's child_process.fork gives it
// `process.send` and the 'message' event. Everything else in the host is shared.

export interface HostPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the parent goes away (the host then closes the vault and exits). */
  onParentGone(listener: () => void): void;
}

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The port of whichever parent started this process, or null when started some other way. */
export function connectToParent(proc: NodeJS.Process = process): HostPort | null {
  const parentPort = (proc as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => {
        parentPort.on('message', (event) => listener(event.data));
      },
      // Electron ends a utility process together with its parent.
      onParentGone: () => undefined,
    };
  }
  if (typeof proc.send === 'function') {
    const send = proc.send.bind(proc);
    return {
      post: (message) => {
        if (proc.connected) send(message);
      },
      onMessage: (listener) => {
        proc.on('message', listener);
      },
      onParentGone: (listener) => {
        proc.on('disconnect', listener);
      },
    };
  }
  return null;
}
