import { createPlatform } from './platform/boot.js';

const platform = await createPlatform();
const { app, config } = platform;
await app.listen({ port: config.port, host: config.host });
const url = config.publicUrl;
console.log(`
  通办 Tongban is running at ${url}
    portal     ${url}/            mobile ${url}/m     kiosk ${url}/kiosk
    workbench  ${url}/workbench   admin  ${url}/admin
    API docs   ${url}/api/docs    health ${url}/api/health
`);
if (config.demo) {
  const { demoAccountsText } = await import('./demo/accounts.js').catch(() => ({ demoAccountsText: () => '' }));
  console.log(demoAccountsText());
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[tongban] ${signal}: stopping`);
    await platform.stop().catch(() => undefined);
    process.exit(0);
  });
}
