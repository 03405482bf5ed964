import { describe, expect, it, vi } from 'vitest';
import { call, makeServices, setupVault, tempDataDir } from '../testing/support';

describe('idle lock', () => {
  it('locks after the administrator’s idle time and tells the renderer why', async () => {
    let idle = 0;
    const emit = vi.fn();
    const dataDir = tempDataDir();
    const services = makeServices(dataDir, {
      emit,
      idleSeconds: () => idle,
      idleCheckMs: 20,
    });
    await setupVault(services);
    await call(services, 'settings.updateSecurity', { idleLockMinutes: 5 });
    idle = 4 * 60;
    await new Promise((r) => setTimeout(r, 80));
    expect(services.vault.state()).toBe('unlocked');
    idle = 5 * 60;
    await vi.waitFor(() => {
      expect(services.vault.state()).toBe('locked');
    });
    expect(emit).toHaveBeenCalledWith('session.locked', { reason: 'idle' });
    await services.close();
  });
});
