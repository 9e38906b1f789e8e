import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

/** A PostgreSQL server a test can stop and start again, on the same data, while the app keeps running. */
export class PostgresProcess {
  private child?: ChildProcess;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  url(database: string) {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    mkdirSync(dirname(this.dataDir), { recursive: true });
    if (process.getuid?.() === 0) chmodSync(dirname(this.dataDir), 0o777);
    const child = spawn(process.execPath, [resolve(__dirname, 'postgres-server.mjs'), this.dataDir, String(this.port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    await new Promise<void>((ready, fail) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
      child.once('exit', (code) => fail(new Error(`PostgreSQL process exited with ${code}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }

  async createDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
  }
}
