import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../shared/logger';
import type { Principal } from '../shared/auth/principal';
import { depthLimitRule } from '../shared/graphql/depth-limit';
import { maskError } from '../shared/graphql/error-masking';
import { hashSessionToken } from '../modules/conversations/conversations.service';
import { authenticateBearer } from './authentication';
import type { Config } from './config';
import type { Services } from './container';
import type { RequestContext } from './context';

interface ConnectionState {
  principal?: Principal;
  ip: string;
}

/**
 * graphql-ws on the same port and path as HTTP. A connection authenticates once: staff and
 * integrators with `connectionParams: { authorization: 'Bearer <token>' }`, a web-chat
 * customer with `connectionParams: { webChatSession: '<session token>' }`. Without valid
 * credentials it is closed with 4403 before any subscription starts.
 */
export function attachWebSocketServer(params: {
  httpServer: HttpServer;
  schema: GraphQLSchema;
  services: Services;
  config: Config;
  logger: Logger;
}) {
  const { httpServer, schema, services, config, logger } = params;
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const states = new WeakMap<object, ConnectionState>();
  // The same validation as HTTP: depth limit, and no introspection in production.
  const rules = [
    ...specifiedRules,
    depthLimitRule(config.graphqlMaxDepth),
    ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : []),
  ];

  const cleanup = useServer<Record<string, unknown>, { request: { socket: { remoteAddress?: string } } }>(
    {
      schema,
      onConnect: async (ctx) => {
        const ip = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        const { authorization, webChatSession } = ctx.connectionParams ?? {};
        try {
          const principal =
            typeof authorization === 'string'
              ? await authenticateBearer({ services, authorization, ip })
              : typeof webChatSession === 'string' && (await services.conversations.webChatSessionExists(webChatSession))
                ? ({ kind: 'webChat', sessionHash: hashSessionToken(webChatSession) } as const)
                : undefined;
          if (!principal) return false;
          states.set(ctx.extra, { principal, ip });
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors;
        const state = states.get(ctx.extra);
        const context: RequestContext = { requestId: randomUUID(), ip: state?.ip ?? 'unknown', principal: state?.principal };
        const args: ExecutionArgs = {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: context,
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return;
        const requestId = (args.contextValue as RequestContext).requestId;
        for (const error of result.errors) {
          if (!error.extensions?.code) logger.error({ requestId, err: error.originalError ?? error }, 'subscription error');
        }
        return { ...result, errors: result.errors.map((error) => maskError(error.toJSON(), requestId)) };
      },
    },
    wss,
  );

  let closing: Promise<void> | null = null;
  return {
    /**
     * Takes no more sockets and closes every open one with 1001 (going away), so consoles
     * reconnect to another instance; a client that has not finished the close handshake by
     * `deadline` (epoch ms) is cut off.
     */
    close(deadline: number): Promise<void> {
      closing ??= (async () => {
        const disposed = cleanup.dispose(); // sends 1001 to every client now, resolves when all are gone
        const timer = setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, Math.max(0, deadline - Date.now()));
        try {
          await disposed;
        } finally {
          clearTimeout(timer);
        }
      })();
      return closing;
    },
  };
}
