import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, loadConfig } from '../src/config/app-config';
import { JobsModule } from '../src/jobs/jobs.module';
import { Jobs } from '../src/jobs/jobs.service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** A feature of the future: registers its jobs when its module initialises, as the outbox does. */
@Injectable()
class Reminders implements OnModuleInit {
  readonly runs: unknown[] = [];
  failuresLeft = 0;
  constructor(private readonly jobs: Jobs) {}
  onModuleInit(): void {
    this.jobs.register('test.remind', async (data: { who: string }) => {
      if (this.failuresLeft-- > 0) throw new Error('database away');
      this.runs.push(data);
      return `reminded ${data.who}`;
    });
  }
}

async function startJobs(db: TestDatabase, env: Record<string, string> = {}): Promise<TestingModule> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...env });
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class ConfigModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, TypeOrmModule.forRoot({ type: 'postgres', url: db.appUrl }), JobsModule],
    providers: [Reminders],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

describe('Jobs: background work on PostgreSQL (graphile-worker), as the application role', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let jobs: Jobs;
  let reminders: Reminders;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await startJobs(db);
    jobs = moduleRef.get(Jobs);
    reminders = moduleRef.get(Reminders);
    dataSource = moduleRef.get(getDataSourceToken());
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });
  beforeEach(() => {
    reminders.runs.length = 0;
    reminders.failuresLeft = 0;
  });

  it('runs an enqueued job once, by hand; a job enqueued in a rolled-back transaction never', async () => {
    await jobs.enqueue('test.remind', { who: 'ann' });
    await expect(
      dataSource.transaction(async (manager) => {
        await jobs.enqueue('test.remind', { who: 'bob' }, { manager });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobs.workOnce()).toEqual([{ name: 'test.remind', result: 'reminded ann' }]);
    expect(await jobs.workOnce()).toEqual([]);
    expect(reminders.runs).toEqual([{ who: 'ann' }]);
  });

  it('runs a job no earlier than runAt; a key keeps one waiting job, the latest', async () => {
    const soon = new Date(Date.now() + 1500);
    await jobs.enqueue('test.remind', { who: 'cy' }, { runAt: soon, jobKey: 'remind:cy' });
    await jobs.enqueue('test.remind', { who: 'cy again' }, { runAt: soon, jobKey: 'remind:cy' });
    expect(await jobs.workOnce()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 50));
    await jobs.workOnce();
    expect(reminders.runs).toEqual([{ who: 'cy again' }]);
  });

  it('a failed job is not run again unless it asked for attempts', async () => {
    reminders.failuresLeft = 1;
    await jobs.enqueue('test.remind', { who: 'dee' });
    const [run] = await jobs.workOnce();
    expect(run).toMatchObject({ name: 'test.remind', error: expect.objectContaining({ message: 'database away' }) });
    expect(await jobs.workOnce()).toEqual([]);
    expect(reminders.runs).toEqual([]);
  });

  it('refuses registering once started', () => {
    expect(() => jobs.register('test.late', async () => undefined)).toThrow(/onModuleInit/);
  });

  it('the application role may work the queue but not change its schema', async () => {
    const [{ who }] = await dataSource.query(`SELECT current_user AS who`);
    expect(who).toBe('sbo_app');
    await expect(dataSource.query(`CREATE TABLE graphile_worker.mine (id int)`)).rejects.toThrow(/permission denied/);
    await expect(dataSource.query(`DELETE FROM graphile_worker.migrations`)).rejects.toThrow(/permission denied/);
  });

  it('with a poll interval the runner works the queue by itself, and stops with the app', async () => {
    const other = await startJobs(db, { NOTIFICATION_POLL_MS: '50' });
    try {
      await jobs.enqueue('test.remind', { who: 'eve' });
      const ran = other.get(Reminders).runs;
      const deadline = Date.now() + 5000;
      while (!ran.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).toEqual([{ who: 'eve' }]);
    } finally {
      await other.close();
    }
    await jobs.enqueue('test.remind', { who: 'fay' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await jobs.workOnce()).toEqual([{ name: 'test.remind', result: 'reminded fay' }]);
  });
});
