import type { IncomingMessage } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, NoSchemaIntrospectionCustomRule, getOperationAST, parse, specifiedRules, subscribe, validate, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../shared/pubsub/event-bus';
import { StaffTopic, type AccessEndedPayload } from '../modules/staff/staff.events';
import type { Logger } from '../shared/logger';
import type { Metrics } from '../shared/metrics';
import { statementCount } from '../shared/db/statement-count';
import { SharedSubscriptions } from '../shared/graphql/shared-subscriptions';
import type { Principal } from '../shared/auth/principal';
import { maskError, withoutSuggestions } from '../shared/graphql/error-masking';
import { queryCostError } from '../shared/graphql/query-cost';
import { selectsPerViewerField } from '../shared/graphql/per-viewer';
import { clientAddressOf } from './client-address';
import { authenticateBearer } from './authentication';
import type { Config } from './config';
import { operationLimitRules, queryCostSettings } from './graphql-limits';
import type { Loaders, ModuleServices } from './module';
import type { RateLimits } from '../shared/auth/rate-limits';
import type { RequestContext } from './context';

interface ConnectionState {
  principal: Principal;
  ip: string;
}

/** Close code for credentials that do not (or no longer) work, as graphql-ws uses for a refused connection. */
const FORBIDDEN = 4403;
/** How often open sockets are checked against their sessions and keys, for what no event announced (an expiry). */
const ACCESS_SWEEP_MS = 60_000;
/**
 * Operations one socket may have running: a console follows a handful of live views, the chat
 * window one; each costs memory for as long as it lives.
 */
const OPERATIONS_PER_SOCKET = { staff: 100, apiKey: 100, webChat: 5 } as const;
/** Sockets one anonymous chat session may hold on an instance (a customer's tabs). */
const SOCKETS_PER_CHAT_SESSION = 5;

/**
 * graphql-ws on the same port and path as HTTP. A connection authenticates once: staff and
 * integrators with `connectionParams: { authorization: 'Bearer <token>' }`, a web-chat
 * customer with `connectionParams: { webChatSession: '<session token>' }`. Without valid
 * credentials it is closed with 4403 before any subscription starts. Access is checked again
 * for every operation, and sockets whose session or key ends (sign-out, revocation,
 * deactivation: announced on every instance; an expiry: found by a sweep) are closed with 4403.
 */
export function attachWebSocketServer(params: {
  httpServer: HttpServer;
  schema: GraphQLSchema;
  services: ModuleServices;
  rateLimits: RateLimits;
  loaders(options: { cache: boolean }): Loaders;
  metrics: Metrics;
  eventBus: EventBus;
  config: Config;
  logger: Logger;
}) {
  const { httpServer, schema, services, loaders, config, logger, metrics } = params;
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  /** Every socket open on this instance (all are authenticated), with who opened it and from where. */
  const open = new Map<WebSocket, ConnectionState>();
  /** Staff consoles open on this instance, as presence knows them; kept apart from `open`, which forgets a socket whose access ended before it closes. */
  const consoles = new Map<WebSocket, { staffUserId: string; connectionId: Promise<string | null> }>();
  const presenceFailed = (error: unknown) => {
    logger.warn({ err: (error as Error).message }, 'could not record console presence');
    return null;
  };
  const principals = () => [...open.values()].map((state) => state.principal);
  /**
   * A chat session's sockets that are still open. One whose close frame has arrived is CLOSING
   * from that moment, while onClose runs only after the close handshake and its subscriptions'
   * teardown: counting it until then would refuse the tab that replaces it.
   */
  const openSocketsOfChatSession = (tokenHash: string) =>
    [...open].filter(([socket, { principal }]) => socket.readyState === socket.OPEN && principal.kind === 'webChat' && principal.tokenHash === tokenHash).length;
  const closeWhere = (ended: (principal: Principal) => boolean) => {
    for (const [socket, { principal }] of open) {
      if (!ended(principal)) continue;
      open.delete(socket);
      socket.close(FORBIDDEN, 'Forbidden');
    }
  };
  const hasEnded = async (principal: Principal): Promise<boolean> => {
    if (principal.kind === 'webChat') return !(await services.webChat.isLive(principal.tokenHash));
    return (await services.staff.endedPrincipals([principal])).has(principal);
  };
  const stopListening = listenForEndedAccess(params.eventBus, (ended) =>
    closeWhere((principal) => (principal.kind === 'staff' && ended.sessionIds.includes(principal.sessionId)) || (principal.kind === 'apiKey' && ended.apiKeyIds.includes(principal.apiKeyId))),
  );
  const sweep = setInterval(() => {
    services.staff
      .endedPrincipals(principals())
      .then((ended) => closeWhere((principal) => ended.has(principal)))
      .catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'could not check open sockets against their credentials'));
  }, ACCESS_SWEEP_MS);
  sweep.unref();
  const shared = new SharedSubscriptions();
  /** Which subscribers may share one execution: the same operation, variables and access. */
  const sharingKeys = new WeakMap<ExecutionArgs, string>();
  // The same validation as HTTP: the limits on one operation (its cost below), and no introspection in production.
  const rules = [...specifiedRules, ...operationLimitRules(config), ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : [])];
  const costSettings = queryCostSettings(config);

  const clientAddress = clientAddressOf(config.trustProxy);
  const cleanup = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      schema,
      onConnect: async (ctx) => {
        const ip = clientAddress(ctx.extra.request);
        const { authorization, webChatSession } = ctx.connectionParams ?? {};
        try {
          const webChatTokenHash = typeof webChatSession === 'string' ? await services.webChat.liveSession(webChatSession) : null;
          const principal =
            typeof authorization === 'string'
              ? await authenticateBearer({ staff: services.staff, rateLimits: params.rateLimits, authorization, ip })
              : webChatTokenHash
                ? ({ kind: 'webChat', tokenHash: webChatTokenHash } as const)
                : undefined;
          if (!principal) return false;
          // Closed while its credentials were checked: its onClose may have run already, and it would never be forgotten.
          if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
          if (principal.kind === 'webChat' && openSocketsOfChatSession(principal.tokenHash) >= SOCKETS_PER_CHAT_SESSION) {
            return false;
          }
          open.set(ctx.extra.socket, { principal, ip });
          if (principal.kind === 'staff') {
            const { staffUserId } = principal;
            consoles.set(ctx.extra.socket, { staffUserId, connectionId: services.presence.connected(staffUserId).catch(presenceFailed) });
          }
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => {
        open.delete(ctx.extra.socket);
        const staffConsole = consoles.get(ctx.extra.socket);
        if (staffConsole) {
          consoles.delete(ctx.extra.socket);
          void staffConsole.connectionId
            .then((connectionId) => (connectionId ? services.presence.disconnected(staffConsole.staffUserId, connectionId) : undefined))
            .catch(presenceFailed);
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const state = open.get(ctx.extra.socket);
        // Gone from `open` only when its access ended and it is closing.
        if (!state) return [sessionEnded()];
        // This operation is already counted among the socket's.
        const allowed = OPERATIONS_PER_SOCKET[state.principal.kind];
        if (Object.keys(ctx.subscriptions).length > allowed) {
          return [
            new GraphQLError(`This connection already has ${allowed} live subscriptions, the most it may hold. Stop one before starting another.`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: allowed },
            }),
          ];
        }
        // The session or key may have ended since the socket opened, on any instance.
        if (await hasEnded(state.principal)) {
          open.delete(ctx.extra.socket);
          ctx.extra.socket.close(FORBIDDEN, 'Forbidden');
          return [sessionEnded()];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return config.isProduction ? errors.map((error) => new GraphQLError(withoutSuggestions(error).message, { nodes: error.nodes, extensions: error.extensions })) : errors;
        const tooCostly = queryCostError({ schema, document, variables: payload.variables, operationName: payload.operationName, settings: costSettings });
        if (tooCostly) return [tooCostly];
        // A subscription's context lives as long as it does: its loaders batch but never cache,
        // so one event never reads rows an earlier event loaded.
        const subscription = getOperationAST(document, payload.operationName)?.operation === 'subscription';
        const context: RequestContext = { requestId: randomUUID(), ip: state.ip, principal: state.principal, loaders: loaders({ cache: !subscription }) };
        const args: ExecutionArgs = {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: context,
        };
        if (subscription) {
          const access = accessOf(state.principal, selectsPerViewerField(schema, document));
          sharingKeys.set(args, JSON.stringify([payload.query, payload.operationName ?? null, payload.variables ?? null, access]));
        }
        return args;
      },
      subscribe: (args) => {
        const run = async () => countEventStatements(await subscribe(args), args, metrics);
        const key = sharingKeys.get(args);
        return key ? shared.subscribe(key, run) : run();
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return;
        const requestId = (args.contextValue as RequestContext).requestId;
        for (const error of result.errors) {
          if (!error.extensions?.code) logger.error({ requestId, err: error.originalError ?? error }, 'subscription error');
        }
        const masked = result.errors.map((error) => maskError(error.toJSON(), requestId));
        return { ...result, errors: config.isProduction ? masked.map(withoutSuggestions) : masked };
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
        clearInterval(sweep);
        void stopListening(); // local: nothing to wait for, and never on a Redis that may be gone
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

function sessionEnded(): GraphQLError {
  return new GraphQLError('Your session has ended. Sign in again.', { extensions: { code: 'UNAUTHENTICATED' } });
}

/** Calls `onEnded` for every announcement, from any instance, of sessions and keys that stopped working; resolves a function that stops listening. */
function listenForEndedAccess(eventBus: EventBus, onEnded: (ended: AccessEndedPayload) => void): () => Promise<void> {
  const events = eventBus.forSchema.subscribe(StaffTopic.ACCESS_ENDED) as AsyncIterableIterator<AccessEndedPayload> | Promise<AsyncIterableIterator<AccessEndedPayload>>;
  const iterator = Promise.resolve(events);
  void (async () => {
    for await (const ended of await iterator) onEnded(ended);
  })();
  return async () => {
    await (await iterator).return?.();
  };
}

/** What a subscriber may see: subscribers with the same access get the same results (per staff member for fields that depend on who asks). */
function accessOf(principal: Principal, perViewer: boolean): string {
  if (principal.kind === 'staff') return perViewer ? `staff:${principal.role}:${principal.staffUserId}` : `staff:${principal.role}`;
  if (principal.kind === 'apiKey') return `key:${[...principal.scopes].sort().join(',')}`;
  return `chat:${principal.tokenHash}`;
}

/**
 * Counts the SQL statements each event of a subscription costs to render
 * (graphql_subscription_event_db_statements): events that carry what they show cost none.
 */
function countEventStatements(
  result: AsyncGenerator<ExecutionResult> | ExecutionResult,
  args: ExecutionArgs,
  metrics: Metrics,
): AsyncGenerator<ExecutionResult> | ExecutionResult {
  if (!(Symbol.asyncIterator in result)) return result;
  const field = getOperationAST(args.document, args.operationName)?.selectionSet.selections.find((selection) => selection.kind === 'Field');
  const name = field?.kind === 'Field' ? field.name.value : 'unknown';
  const events = result;
  return {
    ...events,
    next: () =>
      statementCount.run(async () => {
        const next = await events.next();
        if (!next.done) metrics.countSubscriptionEventStatements(name, statementCount.current() ?? 0);
        return next;
      }),
    return: (value) => events.return(value),
    throw: (error) => events.throw(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncGenerator<ExecutionResult>;
}
