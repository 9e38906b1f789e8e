import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { prepareDatabase } from './prepare-database';

async function main() {
  const config = loadConfig();
  const say = (line: string) => console.log(`[sbo] ${line}`);
  const db = await prepareDatabase(config, say);
  const app = await createApp(config, db.url);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down`);
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: '0.0.0.0' });
  say(`Back office ready at http://localhost:${config.port} (API docs: http://localhost:${config.port}/api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
