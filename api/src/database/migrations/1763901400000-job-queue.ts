import type { MigrationInterface, QueryRunner } from 'typeorm';
import { installJobQueue, JOB_QUEUE_SCHEMA } from '../job-queue-schema';

/**
 * The job queue (graphile-worker, schema graphile_worker) is created here, never by the API at start:
 * its own migrations run inside this one, and the application role gets row access to its tables.
 *
 * The notification outbox moves onto it. The row stays the record of an email (and its guard against
 * sending twice); a job is its wake-up: every row that becomes PENDING, or is PENDING and gets a new
 * `next_attempt_at`, has job `notification.deliver` keyed `notification:{id}` scheduled for then,
 * by a trigger, so in the transaction that wrote the row: a rolled-back email has no job either.
 * A key replaces the row's earlier job, so each row has at most one job waiting.
 */
export class JobQueue1763901400000 implements MigrationInterface {
  name = 'JobQueue1763901400000';

  async up(q: QueryRunner): Promise<void> {
    await installJobQueue(q);
    await q.query(`
      CREATE FUNCTION notification_schedule_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'PENDING' AND (TG_OP = 'INSERT' OR OLD.status <> 'PENDING' OR OLD.next_attempt_at <> NEW.next_attempt_at) THEN
          PERFORM ${JOB_QUEUE_SCHEMA}.add_job(
            'notification.deliver',
            json_build_object('id', NEW.id::text),
            run_at => NEW.next_attempt_at,
            job_key => 'notification:' || NEW.id,
            -- Attempts of the job, not of the email: a job fails only when the database does, and
            -- running it again cannot send twice (it sends only a row it moves from PENDING to SENDING).
            max_attempts => 10);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER notification_schedule_delivery
      AFTER INSERT OR UPDATE OF status, next_attempt_at ON notification
      FOR EACH ROW EXECUTE FUNCTION notification_schedule_delivery()`);
    // What was waiting for the old poller.
    await q.query(`
      SELECT ${JOB_QUEUE_SCHEMA}.add_job('notification.deliver', json_build_object('id', id::text),
        run_at => next_attempt_at, job_key => 'notification:' || id, max_attempts => 10)
      FROM notification WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // PENDING rows stay PENDING: the poller of before picks them up by next_attempt_at.
    await q.query(`DROP TRIGGER notification_schedule_delivery ON notification`);
    await q.query(`DROP FUNCTION notification_schedule_delivery()`);
    await q.query(`DROP SCHEMA ${JOB_QUEUE_SCHEMA} CASCADE`);
  }
}
