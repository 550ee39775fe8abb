import 'reflect-metadata';
import { ConfigError, loadConfig } from './app/config';
import { startServer } from './app/server';
import { createLogger } from './shared/logger';

/** Entry point: validate configuration, start, print where to go, stop cleanly on a signal. */
async function main(): Promise<void> {
  let config;
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
  const server = await startServer(config, logger);

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

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('The server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
