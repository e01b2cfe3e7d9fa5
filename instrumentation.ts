// Server start-up hook. Next compiles this file for every runtime; the Node-only start-up lives in
// lib/startup.ts so the edge bundle never sees the broker, the file system or process signals.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}
