// The listening side of one logical broker node: a net.Server on the node's port that wraps each
// accepted socket in a Connection. A node can be stopped (server and every connection closed) and
// started again on the same port, which is how the cluster simulates a broker going down.
import net from 'node:net';
import { Connection, type ConnectionOptions, type Dispatcher } from './connection';

export class NodeServer {
  private server: net.Server | null = null;
  private readonly connections = new Set<Connection>();

  constructor(
    readonly nodeId: number,
    private readonly host: string,
    private readonly dispatch: Dispatcher,
    private readonly opts: ConnectionOptions,
  ) {}

  get listening(): boolean {
    return this.server !== null;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Listens on `port` (0 = any free port) and resolves with the port actually bound. */
  start(port: number): Promise<number> {
    if (this.server) throw new Error(`node ${this.nodeId} is already listening`);
    const server = net.createServer((socket) => {
      const conn = new Connection(socket, this.nodeId, this.dispatch, this.opts);
      this.connections.add(conn);
      socket.once('close', () => this.connections.delete(conn));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host: this.host, exclusive: true }, () => {
        server.off('error', reject);
        server.on('error', (err) => this.opts.log(`node ${this.nodeId} server error: ${err.message}`));
        this.server = server;
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops accepting, closes every connection, and resolves once the port is released. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const conn of this.connections) conn.close();
    this.connections.clear();
    await closed;
  }
}
