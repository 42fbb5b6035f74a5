import { exportToEnv, infra } from './infra';

/**
 * Resolves the infrastructure once per Jest run; workers inherit the env vars, so every test file
 * sees the same services without starting containers or scripts again.
 */
export default async function globalSetup(): Promise<void> {
  const settings = await infra();
  exportToEnv(settings);
  console.log(
    `\n[infra] ${settings.source}: kafka=${settings.kafkaBrokers.join(',')} mongo=${settings.mongoUrl}`,
  );
}
