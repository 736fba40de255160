// The baseline: a bare WebSocket server that sends one payload to every client when told to.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/broadcast') {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      for (const client of wss.clients) client.send(body);
      response.end('sent');
    });
    return;
  }
  response.statusCode = 404;
  response.end();
});
const wss = new WebSocketServer({ server, path: '/raw' });
server.listen(0, '127.0.0.1', () => console.log(`raw broadcast ready on ${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
