// TLS for the console itself (KAFSCOPE_TLS_CERT, KAFSCOPE_TLS_KEY): Next's production server speaks
// plain HTTP only, so `npm start` runs it on a loopback port and puts this HTTPS server in front, on
// HOST:SERVER_PORT. Requests and answers are streamed both ways (search streams stay streams; a
// client that goes away cancels the request behind it). The client's address is what the socket
// says: an X-Forwarded-For the client sent is replaced, unless KAFSCOPE_TRUST_PROXY says a proxy
// in front of this one sets it (then ours is appended, as proxies do).
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

export function startTlsFront({ certFile, keyFile, host, port, innerPort, trustProxy }) {
  const server = https.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
    const headers = { ...req.headers };
    for (const h of HOP_BY_HOP) delete headers[h];
    const address = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = trustProxy && headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${address}` : address;
    const inner = http.request({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers }, (answer) => {
      const out = { ...answer.headers };
      for (const h of HOP_BY_HOP) delete out[h];
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    inner.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('The console is not answering.');
    });
    res.on('close', () => {
      if (!res.writableFinished) inner.destroy();
    });
    req.pipe(inner);
  });
  server.listen(port, host);
  return server;
}
