/** Every messenger the simulator plays, one folder each; a new one is a folder plus a line here (and its kind in channels.ts). */
import type { SimulatedKind } from './channels.ts';
import type { ProviderFactory, SimulatedProvider, ProviderHost } from './provider.ts';
import { telegram } from './telegram/index.ts';
import { viber } from './viber/index.ts';
import { vk } from './vk/index.ts';
import { whatsapp } from './whatsapp/index.ts';
import { yandex } from './yandex/index.ts';

const PROVIDERS: Record<SimulatedKind, ProviderFactory> = { telegram, whatsapp, vk, viber, yandex };

/** The providers of one simulator, by kind. */
export function createProviders(sim: ProviderHost): Record<SimulatedKind, SimulatedProvider> {
  return Object.fromEntries(Object.entries(PROVIDERS).map(([kind, create]) => [kind, create(sim)])) as Record<SimulatedKind, SimulatedProvider>;
}
