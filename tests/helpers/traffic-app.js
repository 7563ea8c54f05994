// @ts-check
// A small payments server for the traffic tests, on Node's own http: POST /payments answers a
// declined card with a declared error (payment_error.expired_card), a stolen one with an error
// POST /payments does not declare (payment_error.fraud), an unknown one with an HTML page, and
// anything else with 201. Copied as app.js into the scratch projects of tests/packed/ (the docs'
// examples import it from there), and started on 127.0.0.1 only.
import { createServer } from 'node:http';

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
export function app(req, res) {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    /** @param {number} status @param {unknown} value */
    const json = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method !== 'POST' || req.url !== '/payments') return json(404, { type: 'invalid_request_error', code: 'invalid_parameter', message: 'parameter is invalid' });
    let card;
    try {
      card = JSON.parse(body).card;
    } catch {
      return json(400, { type: 'invalid_request_error', code: 'invalid_parameter', message: 'parameter is invalid' });
    }
    if (card === 'expired') return json(400, { type: 'payment_error', code: 'expired_card', message: 'Expired card' });
    if (card === 'stolen') return json(400, { type: 'payment_error', code: 'fraud', message: 'FRAUD' });
    if (card === 'unknown') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><body>Bad Gateway</body></html>');
    }
    json(201, { id: 'pay_1', status: 'succeeded' });
  });
}

/** The app on a free port of 127.0.0.1. @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export async function startServer() {
  const server = createServer(app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('startServer: no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}
