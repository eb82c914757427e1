/** UI state of the delivery section: a mirror of the background's overview, refreshed on demand. */
import { createStore, useStore, type StoreApi } from 'zustand';
import { sendMessage } from '@/utils/messaging';
import type { DeliveryOverview } from '@/utils/delivery/protocol';
import '@/utils/delivery/protocol';
import { messageOf } from '@/utils/ui/vaultStore';

export interface DeliveryUiState {
  overview: DeliveryOverview | null;
  loadError: string | null;
  refresh(): Promise<void>;
}

export function createDeliveryStore(send: typeof sendMessage = sendMessage): StoreApi<DeliveryUiState> {
  return createStore<DeliveryUiState>((set) => ({
    overview: null,
    loadError: null,
    async refresh() {
      try {
        set({ overview: await send('delivery/overview'), loadError: null });
      } catch (err) {
        set({ loadError: messageOf(err) });
      }
    },
  }));
}

export const deliveryStore = createDeliveryStore();

export function useDelivery<T>(select: (s: DeliveryUiState) => T): T {
  return useStore(deliveryStore, select);
}
