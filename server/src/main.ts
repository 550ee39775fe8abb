import 'reflect-metadata';
import { constants } from 'node:os';
import { ConfigError, loadConfig, type Config } from './app/config';
import { startServer, type RunningServer } from './app/server';
import { createLogger } from './shared/logger';

/**
 * Entry point and the one owner of the process lifecycle: validate configuration, start, print
 * where to go, and on SIGTERM/SIGINT stop once, within SHUTDOWN_GRACE_SECONDS, then exit 0. A
 * second signal while stopping exits at once (128 + its number); so does a stop that overruns
 * the grace period (exit 1), so an orchestrator never has to SIGKILL.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, config.logFormat);

  // Listening from the start: a signal during migrations still stops the embedded PostgreSQL.
  const started: { server?: RunningServer } = {};
  let signalled: NodeJS.Signals | undefined;
  const stopAndExit = (running: RunningServer, signal: NodeJS.Signals) => {
    const startedAt = Date.now();
    logger.info({ signal, graceSeconds: config.shutdownGraceMs / 1000 }, 'shutting down');
    setTimeout(() => {
      logger.error({ graceSeconds: config.shutdownGraceMs / 1000 }, 'shutdown did not finish within the grace period; exiting');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    running.stop().then(
      (clean) => {
        logger.info({ ms: Date.now() - startedAt, clean }, 'stopped');
        process.exit(clean ? 0 : 1);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal while stopping: exiting now');
      process.exit(128 + (constants.signals[signal] ?? 1));
    }
    signalled = signal;
    if (started.server) stopAndExit(started.server, signal);
    else logger.info({ signal }, 'signal during start; stopping once started');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const server = (started.server = await startServer(config, logger));
  if (signalled) {
    stopAndExit(server, signalled);
    return;
  }
  printWhereToGo(config, server);
}

function printWhereToGo(config: Config, server: RunningServer): void {
  const lines = [
    '',
    `  Console:        ${server.url}/`,
    `  Web chat:       ${server.url}/chat`,
    `  Apollo Sandbox: ${server.url}/graphql${config.isProduction ? ' (off in production)' : ''}`,
  ];
  if (server.demoLogin) {
    lines.push(`  Demo login:     ${server.demoLogin.email} / ${server.demoLogin.password}`);
    lines.push(`                  (shown once; also saved in ${server.demoLogin.savedTo})`);
  } else if (config.database.kind === 'embedded' && !config.initialAdmin) {
    lines.push(`  Demo login:     see ${config.database.dataDir}/demo-login.txt`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('The server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
