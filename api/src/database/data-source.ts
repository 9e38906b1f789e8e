import { DataSource } from 'typeorm';
import { migrations } from './migrations';
import { namingStrategy } from './naming.strategy';

/** A short-lived connection for start-up work (migrations, seeding), apart from the app's pool. */
export async function withDataSource<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource({ type: 'postgres', url, namingStrategy, migrations, migrationsTransactionMode: 'each' });
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

export const runMigrations = (url: string) => withDataSource(url, (ds) => ds.runMigrations());
