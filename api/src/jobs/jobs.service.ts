import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run, runOnce, type Runner, type RunnerOptions, type TaskList } from 'graphile-worker';
import { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { graphileLogger } from './graphile-logger';
import { JOB_QUEUE_SCHEMA } from '../database/job-queue-schema';

/** Does a job's work. Whatever it returns is reported by `workOnce`; throwing fails the attempt (see `maxAttempts`). */
export type JobHandler<T = any, R = unknown> = (data: T) => Promise<R>;

export interface EnqueueOptions {
  /** Not before then (default: now). */
  runAt?: Date;
  /** The transaction to enqueue in: the job exists if and only if it commits. */
  manager?: EntityManager;
  /**
   * At most one waiting job per key: enqueueing again replaces the waiting one (its data and time).
   * If that one is already running, it finishes and the new one waits as well.
   */
  jobKey?: string;
  /**
   * Runs of the job before it is given up, retried with exponential backoff (default 1: never
   * retried). Above 1 only for work that is safe to repeat after a failure part-way.
   */
  maxAttempts?: number;
}

export type JobRun = { name: string; result: unknown } | { name: string; error: unknown };

/** Jobs run at once per instance. */
const CONCURRENCY = 2;
const RESTART_DELAY_MS = 5000;

/**
 * Background work, in PostgreSQL (graphile-worker): jobs are rows claimed with `FOR UPDATE SKIP
 * LOCKED`, so any number of API instances on one database share one queue, each job run by one of
 * them. Its schema comes from migration JobQueue1763901400000, never from the API.
 *
 * Features register handlers when their module initialises (`onModuleInit`), then `enqueue` work,
 * in their own transaction, with `runAt` for later. (graphile-worker's cron is not used: a tick that
 * meets the database down leaves a rejected promise unhandled, which ends the process.) The runner starts with the app when NOTIFICATION_POLL_MS > 0 (how often it looks
 * for due jobs; a new job wakes it at once) and stops with it, letting running jobs finish. With 0
 * (the tests) nothing runs by itself: `workOnce` runs what is due, by hand.
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private pool?: Pool;
  private runner?: Runner;
  private restartTimer?: NodeJS.Timeout;
  private started = false;
  private stopping = false;
  /** One object each, so graphile-worker compiles them once: the runner's, and by hand's (one job at a time, in order). */
  private readonly compiled = new Map<'runner' | 'byHand', RunnerOptions>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Before the app starts (`onModuleInit`): the runner knows the handlers it starts with. */
  register<T>(name: string, handler: JobHandler<T>): void {
    if (this.started) throw new Error(`Job ${name} registered after the job runner started: register in onModuleInit`);
    if (this.handlers.has(name)) throw new Error(`Job ${name} is registered twice`);
    this.handlers.set(name, handler as JobHandler);
  }

  /** Adds a job, in `manager`'s transaction when given. */
  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<void> {
    await (options.manager ?? this.dataSource.manager).query(
      `SELECT FROM ${JOB_QUEUE_SCHEMA}.add_job($1, $2::json, run_at => $3::timestamptz, job_key => $4, max_attempts => $5)`,
      [name, JSON.stringify(data ?? {}), options.runAt ?? null, options.jobKey ?? null, options.maxAttempts ?? 1],
    );
  }

  /**
   * By hand (tests, a maintenance command): runs the due jobs of `names` (default: all registered)
   * one at a time, oldest due first, until none is left, in this process, and reports each run. Concurrent calls and running instances
   * never run the same job.
   */
  async workOnce(names: string[] = [...this.handlers.keys()]): Promise<JobRun[]> {
    const runs: JobRun[] = [];
    const tasks: TaskList = {};
    for (const name of names) {
      const handler = this.handlers.get(name);
      if (!handler) throw new Error(`No job ${name} is registered`);
      tasks[name] = async (payload) => {
        try {
          runs.push({ name, result: await handler(payload) });
        } catch (error) {
          runs.push({ name, error });
          throw error;
        }
      };
    }
    await runOnce(this.options('byHand'), tasks);
    return runs;
  }

  onApplicationBootstrap(): void {
    this.started = true;
    if (this.config.notificationPollMs > 0) void this.startRunner();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
    await this.pool?.end();
  }

  /** Starts the runner; if it cannot (the database away) or stops on an error, again a little later. */
  private async startRunner(): Promise<void> {
    if (this.stopping) return;
    try {
      const runner = await run(this.options('runner'), this.taskList());
      if (this.stopping) return void (await runner.stop());
      this.runner = runner;
      runner.promise.catch((error: unknown) => {
        if (this.runner !== runner) return;
        this.runner = undefined;
        this.restartLater(error);
      });
    } catch (error) {
      this.restartLater(error);
    }
  }

  private restartLater(error: unknown): void {
    if (this.stopping) return;
    this.logger.error(`Job runner stopped (${error instanceof Error ? error.message : error}); restarting in ${RESTART_DELAY_MS} ms`);
    this.restartTimer = setTimeout(() => void this.startRunner(), RESTART_DELAY_MS);
    this.restartTimer.unref();
  }

  private taskList(): TaskList {
    // A task's result means something to graphile-worker (an array: a batch's outcomes): none is passed on.
    return Object.fromEntries([...this.handlers].map(([name, handler]) => [name, async (payload: unknown) => void (await handler(payload))]));
  }

  private options(use: 'runner' | 'byHand'): RunnerOptions {
    let options = this.compiled.get(use);
    if (!options) {
      options = {
        pgPool: this.jobPool(),
        schema: JOB_QUEUE_SCHEMA,
        concurrency: use === 'runner' ? CONCURRENCY : 1,
        pollInterval: this.config.notificationPollMs > 0 ? this.config.notificationPollMs : 2000,
        noHandleSignals: true,
        logger: graphileLogger(this.logger),
      };
      this.compiled.set(use, options);
    }
    return options;
  }

  /** Its own few connections, as the application role: the queue's listener and workers never starve requests. */
  private jobPool(): Pool {
    if (!this.pool) {
      const { url } = this.dataSource.options as PostgresConnectionOptions;
      this.pool = new Pool({ connectionString: url, max: CONCURRENCY + 3, connectionTimeoutMillis: 3000 });
      // An idle connection lost (PostgreSQL restarting) is dropped by the pool; the next use reconnects.
      this.pool.on('error', (error) => this.logger.warn(`Job queue connection lost: ${error.message}`));
    }
    return this.pool;
  }
}
