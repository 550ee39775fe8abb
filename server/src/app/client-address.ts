import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Config } from './config';

/**
 * The client's address as TRUST_PROXY allows: the connection's own, unless it comes from a
 * trusted proxy, whose X-Forwarded-For is then read (proxy-addr, the rules Express applies to
 * `req.ip`). WebSocket upgrades use it too, so limits key on the same address either way.
 */
export function clientAddressOf(trust: Config['trustProxy']): (request: IncomingMessage) => string {
  const trusted = trust === false ? () => false : typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : proxyaddr.compile(trust);
  return (request) => proxyaddr(request, trusted);
}
