/**
 * A TCP proxy on 127.0.0.1 that can hang: `freeze` stops passing bytes either way (and holds new
 * connections unanswered) without closing anything, as a server that stopped responding or a
 * network that dropped packets would; `thaw` passes everything on again.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export class FreezableProxy {
  private frozen = false;
  private readonly sockets = new Set<Socket>();
  private readonly held: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<FreezableProxy> {
    let proxy: FreezableProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    proxy = new FreezableProxy(server, typeof address === "object" && address ? address.port : 0);
    return proxy;
  }

  private accept(client: Socket, targetPort: number): void {
    this.sockets.add(client);
    client.on("close", () => this.sockets.delete(client));
    client.on("error", () => client.destroy());
    const join = () => {
      const upstream = connect(targetPort, "127.0.0.1");
      this.sockets.add(upstream);
      upstream.on("close", () => {
        this.sockets.delete(upstream);
        client.destroy();
      });
      upstream.on("error", () => upstream.destroy());
      client.on("close", () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      if (this.frozen) {
        client.pause();
        upstream.pause();
      }
    };
    if (this.frozen) {
      client.pause();
      this.held.push(join);
    } else {
      join();
    }
  }

  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  thaw(): void {
    this.frozen = false;
    for (const socket of this.sockets) socket.resume();
    for (const join of this.held.splice(0)) join();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
