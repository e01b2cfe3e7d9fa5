// Broker counters: requests per API and version (the proof, in tests, of which requests a client
// really sent) and byte totals, readable from stats() and, when a metrics port is given, as
// Prometheus text at /metrics.
import http from 'node:http';

export interface BrokerStatsSnapshot {
  /** Requests handled, keyed `${apiName}:v${version}` (e.g. "Fetch:v11"). */
  requests: Record<string, number>;
  bytesIn: number;
  bytesOut: number;
  connectionsClosedOnError: number;
}

export class BrokerStats {
  private readonly requests = new Map<string, { api: string; version: number; count: number }>();
  bytesIn = 0;
  bytesOut = 0;
  connectionsClosedOnError = 0;

  countRequest(api: string, version: number): void {
    const key = `${api}:v${version}`;
    const entry = this.requests.get(key);
    if (entry) entry.count++;
    else this.requests.set(key, { api, version, count: 1 });
  }

  snapshot(): BrokerStatsSnapshot {
    const requests: Record<string, number> = {};
    for (const [k, v] of this.requests) requests[k] = v.count;
    return {
      requests,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      connectionsClosedOnError: this.connectionsClosedOnError,
    };
  }

  /** Prometheus text exposition format (version 0.0.4). */
  prometheus(extra: { nodesUp: number; nodes: number; topics: number; partitions: number }): string {
    const lines: string[] = [
      '# HELP kafscope_broker_requests_total Requests handled, per API and version.',
      '# TYPE kafscope_broker_requests_total counter',
    ];
    const sorted = [...this.requests.values()].sort((a, b) => a.api.localeCompare(b.api) || a.version - b.version);
    for (const r of sorted) lines.push(`kafscope_broker_requests_total{api="${r.api}",version="${r.version}"} ${r.count}`);
    const gauge = (name: string, help: string, type: 'counter' | 'gauge', value: number) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    gauge('kafscope_broker_bytes_in_total', 'Request bytes received.', 'counter', this.bytesIn);
    gauge('kafscope_broker_bytes_out_total', 'Response bytes sent.', 'counter', this.bytesOut);
    gauge('kafscope_broker_connections_closed_on_error_total', 'Connections closed for a bad frame or request.', 'counter', this.connectionsClosedOnError);
    gauge('kafscope_broker_nodes', 'Logical nodes configured.', 'gauge', extra.nodes);
    gauge('kafscope_broker_nodes_up', 'Logical nodes up.', 'gauge', extra.nodesUp);
    gauge('kafscope_broker_topics', 'Topics.', 'gauge', extra.topics);
    gauge('kafscope_broker_partitions', 'Partitions.', 'gauge', extra.partitions);
    return lines.join('\n') + '\n';
  }
}

/** Serves `render()` at GET /metrics on host:port; resolves with the bound server. */
export function serveMetrics(host: string, port: number, render: () => string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(render());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found; try /metrics\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
