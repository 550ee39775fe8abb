import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The plumbing the vendor fakes share: a plain-http server on a free port of 127.0.0.1 that
 * reads each request's body, records the request and hands it to the fake's handler, JSON
 * answers, and a plain-http client for the calls a vendor makes to us (webhooks). Each fake
 * keeps its own wire format (paths, headers, error bodies) on top of this.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: any;
}

/** A request as a fake's handler gets it: the node request (for headers, the socket) and its whole body. */
export interface FakeRequest {
  req: http.IncomingMessage;
  method: string;
  /** The request's URL, resolved against a dummy origin (path, query). */
  url: URL;
  raw: string;
  /** As recorded: the parsed JSON, else the raw text, else undefined. */
  body: any;
}

export type FakeHandler = (request: FakeRequest, res: http.ServerResponse) => void | Promise<void>;

export class FakeHttpServer {
  /** Every request, in order of arrival. */
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  private listeningPort = 0;

  private constructor(handler: FakeHandler) {
    this.server = http.createServer((req, res) => void this.receive(req, res, handler));
  }

  /** Listens on 127.0.0.1 on a free port. */
  static async start(handler: FakeHandler): Promise<FakeHttpServer> {
    const fake = new FakeHttpServer(handler);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.listeningPort = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** http://127.0.0.1:<port> */
  get url(): string {
    return `http://127.0.0.1:${this.listeningPort}`;
  }

  async close(): Promise<void> {
    // Requests a fake never answers keep their sockets open; close them or close() never resolves.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async receive(req: http.IncomingMessage, res: http.ServerResponse, handler: FakeHandler): Promise<void> {
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    await handler({ req, method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://fake'), raw, body }, res);
  }
}

/** JSON.parse, or undefined for an empty or malformed body. */
export function parseJson(raw: string): any {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

/** Answers `payload` as JSON with a content-length; `headers` add the vendor's own (and may set content-type). */
export function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function readBody(message: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('error', reject);
  });
}

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * A plain-http request from a vendor to our server (https is not supported), with an overall
 * deadline when given. No keep-alive (agent: false), so a fake's connections never hold our
 * server open.
 */
export function httpRequest(method: string, address: string, headers: Record<string, string>, body: string | Buffer, timeoutMs?: number): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const req = http.request(address, { method, agent: false, headers: payload.length > 0 ? { ...headers, 'content-length': String(payload.length) } : headers }, (res) => {
      readBody(res).then(
        (text) => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(payload.length > 0 ? payload : undefined);
  });
}
