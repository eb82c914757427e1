/**
 * The pages' view of validation results: a zustand store mirroring the results item in
 * storage.local, which only the background writes. Live while a component uses it.
 */
import { create } from 'zustand';
import { sendMessage } from '@/utils/messaging';
import '@/utils/angel/protocol';
import type { ValidationResult } from '@/utils/angel/protocol';
import { validationResultsItem } from '@/utils/angel/results';

interface ValidationStore {
  results: Record<string, ValidationResult>;
  loaded: boolean;
  set(results: Record<string, ValidationResult>): void;
}

export const useValidationStore = create<ValidationStore>((set) => ({
  results: {},
  loaded: false,
  set: (results) => set({ results, loaded: true }),
}));

let watchers = 0;
let unwatch: (() => void) | null = null;

export function watchValidation(): () => void {
  if (watchers++ === 0) {
    unwatch = validationResultsItem.watch((v) => useValidationStore.getState().set(v ?? {}));
    // Through the background first: it marks interrupted runs and forgets deleted accounts.
    sendMessage('validate/results').then(
      (r) => useValidationStore.getState().set(r),
      () => validationResultsItem.getValue().then((r) => useValidationStore.getState().set(r)),
    );
  }
  return () => {
    if (--watchers === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}
